import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '../../i18n/navigation';

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('home');
  return (
    <section className="card">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <div className="actions">
        <Link href="/cbos">{t('cbosLink')}</Link>
        <Link href="/cbos/new">{t('newCboLink')}</Link>
      </div>
    </section>
  );
}
