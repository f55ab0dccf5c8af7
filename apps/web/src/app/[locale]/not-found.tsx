import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';

/** A page that is not there (or not the reader's to see), in the page's language, under the site's header. */
export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <section data-not-found={await getLocale()}>
      <h1>{t('title')}</h1>
      <p>{t('message')}</p>
      <Link href="/">{t('home')}</Link>
    </section>
  );
}
