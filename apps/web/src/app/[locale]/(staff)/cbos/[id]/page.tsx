import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Cbo, Province } from '@bandanh/contracts';
import { CboFacts } from '../../../../../components/cbo-facts';
import { Link } from '../../../../../i18n/navigation';
import { LinkCodeForm } from '../../../../../components/link-code-form';
import { NotAllowed } from '../../../../../components/not-allowed';
import { Unavailable } from '../../../../../components/unavailable';
import { can } from '../../../../../lib/access';
import { afterFailure, requireAccount } from '../../../../../lib/auth';
import { GatewayError, gateway } from '../../../../../lib/gateway';
import { localeOf } from '../../../../../lib/locale';

type Props = { params: Promise<{ locale: string; id: string }> };

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'cbo' });
  return { title: t('title') };
}

export default async function CboPage({ params }: Props) {
  const { locale: requested, id } = await params;
  const locale = localeOf(requested);
  setRequestLocale(locale);
  const t = await getTranslations();
  const path = `/cbos/${encodeURIComponent(id)}`;

  const { account } = await requireAccount(locale, path);
  if (!can(account, 'readCbos')) return <NotAllowed title={t('cbo.title')} />;

  let cbo: Cbo;
  let provinces: Province[];
  try {
    [{ cbo }, { items: provinces }] = await Promise.all([gateway.getCbo(id), gateway.listProvinces()]);
  } catch (error) {
    // A malformed id is a page that does not exist, like a CBO that is not there (or not this account's).
    if (error instanceof GatewayError && error.status === 400) notFound();
    const failure = afterFailure(error, locale, path);
    if (failure === 'notFound') notFound();
    if (failure === 'notAllowed') return <NotAllowed title={t('cbo.title')} />;
    return <Unavailable title={t('cbo.title')} message={t('cbos.unavailable')} />;
  }
  const province = provinces.find((p) => p.code === cbo.provinceCode);

  return (
    <>
      <p>
        <Link href="/cbos">{t('cbo.back')}</Link>
      </p>
      <h1>{cbo.name}</h1>
      <section className="card" data-cbo-id={cbo.id}>
        <CboFacts cbo={cbo} province={province} locale={locale} className="facts" />
        {can(account, 'recordCbo') && (
          <LinkCodeForm locale={locale} cboId={cbo.id} cboName={cbo.name} permalink={`/${locale}${path}`} />
        )}
      </section>
    </>
  );
}
