import { randomUUID } from 'node:crypto';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Province } from '@bandanh/contracts';
import { CboForm } from '../../../../../components/cbo-form';
import { Unavailable } from '../../../../../components/unavailable';
import { gateway } from '../../../../../lib/gateway';
import { provinceName } from '../../../../../lib/provinces';

export const dynamic = 'force-dynamic';

export default async function NewCboPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('form');

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
