import { randomUUID } from 'node:crypto';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PROVINCES } from '@bandanh/contracts';
import { ApplyForm } from '@/components/apply/apply-form';
import { applyText } from '@/components/apply/apply-text';
import { Unavailable } from '@/components/unavailable';
import { api, ROUTES } from '@/lib/api';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { provinceName } from '@/lib/provinces';

type Props = { params: Promise<{ locale: string }> };

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('apply');

/** Public: a group asks to join the network, in a province the network has opened. */
export default async function ApplyPage({ params }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('apply');

  let open: string[];
  try {
    ({ provinces: open } = await api(ROUTES.listOpenProvinces));
  } catch {
    return <Unavailable title={t('title')} message={t('unavailable')} />;
  }
  const provinces = PROVINCES.filter((province) => open.includes(province.code));

  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {provinces.length === 0 ? (
        <p className="notice error" role="alert" data-no-open-province>
          {t('noneOpen')}
        </p>
      ) : (
        <>
          <p className="muted">
            {t('openIn', { provinces: provinces.map((p) => provinceName(p, locale)).join(', ') })}
          </p>
          <ApplyForm
            locale={locale}
            idempotencyKey={randomUUID()}
            provinces={provinces.map((p) => ({ code: p.code, name: provinceName(p, locale) }))}
            text={await applyText()}
          />
        </>
      )}
    </>
  );
}
