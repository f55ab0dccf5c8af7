import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LinkCboForm } from '../../../../../components/link-cbo-form';
import { NotAllowed } from '../../../../../components/not-allowed';
import { Link } from '../../../../../i18n/navigation';
import { can } from '../../../../../lib/access';
import { requireAccount } from '../../../../../lib/auth';
import { localeOf } from '../../../../../lib/locale';

type Props = { params: Promise<{ locale: string }> };

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'linkCbo' });
  return { title: t('title') };
}

export default async function LinkCboPage({ params }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('linkCbo');
  const { account } = await requireAccount(locale, '/account/link-cbo');
  if (!can(account, 'linkCbo')) return <NotAllowed title={t('title')} />;

  if (account.cboId) {
    return (
      <>
        <h1>{t('title')}</h1>
        <p className="notice ok" role="status">
          {t('alreadyLinked')}
        </p>
        <Link href="/cbos">{t('seeCbo')}</Link>
      </>
    );
  }
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <LinkCboForm locale={locale} />
    </>
  );
}
