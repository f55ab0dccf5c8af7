import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Province } from '@bandanh/contracts';
import { CboForm } from '../../../../../components/cbo-form';
import { NotAllowed } from '../../../../../components/not-allowed';
import { Unavailable } from '../../../../../components/unavailable';
import { can } from '../../../../../lib/access';
import { requireAccount } from '../../../../../lib/auth';
import { gateway } from '../../../../../lib/gateway';
import { localeOf } from '../../../../../lib/locale';
import { provinceName } from '../../../../../lib/provinces';

type Props = { params: Promise<{ locale: string }> };

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'form' });
  return { title: t('title') };
}

export default async function NewCboPage({ params }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('form');
  const { account } = await requireAccount(locale, '/cbos/new');
  if (!can(account, 'recordCbo')) return <NotAllowed title={t('title')} />;

  let provinces: Province[];
  try {
    ({ items: provinces } = await gateway.listProvinces());
  } catch {
    return <Unavailable title={t('title')} message={t('errors.unavailable')} />;
  }

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <CboForm
        locale={locale}
        idempotencyKey={randomUUID()}
        provinces={provinces.map((p) => ({ code: p.code, name: provinceName(p, locale) }))}
      />
    </>
  );
}
