import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

/** A page's `generateMetadata`: its title is `title` of its namespace, in the page's language. */
export function pageTitle(namespace: string) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const t = await getTranslations({ locale: (await params).locale, namespace });
    return { title: t('title') };
  };
}
