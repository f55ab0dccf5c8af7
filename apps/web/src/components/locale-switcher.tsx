import { headers } from 'next/headers';
import { localePath, pathWithoutLocale } from '@/i18n/paths';
import { routing } from '@/i18n/routing';
import { PATH_HEADER } from '@/i18n/path-header';

const NAMES: Record<string, string> = { km: 'ខ្មែរ', en: 'English' };

/**
 * Links to the same page in each language, drawn on the server: plain links, so they work before
 * and without JavaScript, and no script is sent for them. The proxy tells the page its path.
 */
export async function LocaleSwitcher({ current, label }: { current: string; label: string }) {
  const here = pathWithoutLocale((await headers()).get(PATH_HEADER), routing.locales);
  return (
    <nav aria-label={label}>
      {routing.locales
        .filter((locale) => locale !== current)
        .map((locale) => (
          <a key={locale} href={localePath(locale, here)} lang={locale} hrefLang={locale}>
            {NAMES[locale]}
          </a>
        ))}
    </nav>
  );
}
