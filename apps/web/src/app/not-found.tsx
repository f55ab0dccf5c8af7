import '@/app/globals.css';
import { fontClasses } from '@/app/fonts';
import { headers } from 'next/headers';
import { getLocale, getTranslations, setRequestLocale } from 'next-intl/server';
import { SiteHeader } from '@/components/site-header';
import { PATH_HEADER } from '@/i18n/path-header';
import { localePath } from '@/i18n/paths';
import { routing } from '@/i18n/routing';
import { localeOf } from '@/lib/locale';

/**
 * Any path no page answers (`/km/grants`, `/en/grants`, `/grants.txt`): the not-found page, with
 * the site's header, in the language of the path (the proxy said which), and for a path outside
 * any language in Khmer and then English. Next renders this on the server, so it reads without
 * JavaScript too.
 */
export default async function RootNotFound() {
  const locale = localeOf(await getLocale());
  setRequestLocale(locale);
  const path = (await headers()).get(PATH_HEADER) ?? '';
  const outside = !routing.locales.some((each) => path === `/${each}` || path.startsWith(`/${each}/`));
  const app = await getTranslations({ locale, namespace: 'app' });
  const languages = outside ? routing.locales : [locale];
  return (
    <html lang={locale} className={fontClasses}>
      <body>
        <a className="skip" href="#main">
          {app('skipToContent')}
        </a>
        <SiteHeader locale={locale} />
        <main id="main">
          {await Promise.all(
            languages.map(async (language, index) => {
              const t = await getTranslations({ locale: language, namespace: 'notFound' });
              const Title = index === 0 ? 'h1' : 'h2';
              return (
                <section key={language} lang={language} data-not-found={language}>
                  <Title>{t('title')}</Title>
                  <p>{t('message')}</p>
                  <a href={localePath(language, '/')}>{t('home')}</a>
                </section>
              );
            }),
          )}
        </main>
      </body>
    </html>
  );
}
