import '@/app/globals.css';
import { fontClasses } from '@/app/fonts';
import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';
import { ErrorTextProvider } from '@/i18n/error-text';
import { isLocale, routing } from '@/i18n/routing';

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'app' });
  return { title: { default: `${t('name')} · ${t('tagline')}`, template: `%s · ${t('name')}` } };
}

/**
 * Every page: the header and the page, with the error page's words. Sections whose client
 * components translate in the browser add next-intl there (`messagesLayout`, `ClientMessages`);
 * the others, the applicant's pages among them, send none of its code.
 */
export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('app');
  const error = await getTranslations('error');

  return (
    <html lang={locale} className={fontClasses}>
      <body>
        <ErrorTextProvider text={{ title: error('title'), message: error('message'), retry: error('retry') }}>
          <a className="skip" href="#main">
            {t('skipToContent')}
          </a>
          <SiteHeader locale={locale} />
          <main id="main">{children}</main>
        </ErrorTextProvider>
      </body>
    </html>
  );
}
