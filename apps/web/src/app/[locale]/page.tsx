import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { can } from '@/lib/access';
import { currentAccount } from '@/lib/auth';

/** Public: what the network is, and the way in that fits who is reading. */
export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('home');
  const me = await currentAccount();
  const account = me?.account;
  return (
    <section className="card">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <div className="actions">
        {!account && (
          <>
            <Link href="/sign-in">{t('signInLink')}</Link>
            <Link href="/sign-up">{t('signUpLink')}</Link>
          </>
        )}
        {account && can(account, 'readCbos') && <Link href="/cbos">{t('cbosLink')}</Link>}
        {account && can(account, 'recordCbo') && <Link href="/cbos/new">{t('newCboLink')}</Link>}
        {account && can(account, 'linkCbo') && !account.cboId && (
          <Link href="/account/link-cbo">{t('linkCboLink')}</Link>
        )}
      </div>
    </section>
  );
}
