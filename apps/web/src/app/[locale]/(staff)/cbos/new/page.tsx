import { randomUUID } from 'node:crypto';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { z } from 'zod';
import type { ExpansionPhase, FieldVisit, Province } from '@bandanh/contracts';
import { CboForm } from '@/components/cbo-form';
import { NotAllowed } from '@/components/not-allowed';
import { Unavailable } from '@/components/unavailable';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { provinceName } from '@/lib/provinces';
import { getLocalFormat } from '@/i18n/local-format-server';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ fieldVisitId?: string }>;
};

export const dynamic = 'force-dynamic';

/** Today's date in Cambodia, whatever the server's time zone. */
function todayInCambodia(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Phnom_Penh' }).format(new Date());
}

export const generateMetadata = pageTitle('form');

export default async function NewCboPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('form');
  const format = await getLocalFormat();
  const requested = z.uuid().safeParse((await searchParams).fieldVisitId);
  const fieldVisitId = requested.success ? requested.data : undefined;
  const path = fieldVisitId ? `/cbos/new?fieldVisitId=${fieldVisitId}` : '/cbos/new';
  const { account } = await requireAccount(locale, path);
  if (!can(account, 'recordCbo')) return <NotAllowed title={t('title')} />;

  let provinces: Province[];
  let visits: FieldVisit[] | undefined;
  let phases: ExpansionPhase[] | undefined;
  try {
    [{ items: provinces }, visits, phases] = await Promise.all([
      api(ROUTES.listProvinces),
      // The form still records a CBO when the visits cannot be listed, without that choice.
      api(ROUTES.listFieldVisits).then(
        ({ items }) => items,
        () => undefined,
      ),
      // Without the plan, the provinces are offered without saying which have not opened.
      api(ROUTES.getExpansion).then(
        (dashboard) => dashboard.phases,
        () => undefined,
      ),
    ]);
  } catch {
    return <Unavailable title={t('title')} message={t('errors.unavailable')} />;
  }
  const byCode = new Map(provinces.map((p) => [p.code, p]));
  // Where the network has opened; elsewhere a CBO is recorded with a warning, or refused (the admin's setting).
  const open = phases?.filter((phase) => phase.openedAt).flatMap((phase) => phase.provinces);
  const next = phases?.find((phase) => !phase.openedAt);
  const openHint = open
    ? t(next ? 'openProvinces' : 'allOpen', {
        provinces: open.map((code) => provinceName(byCode.get(code), locale)).join(', '),
        date: next ? format.dateTime(new Date(next.opensOn), { dateStyle: 'medium' }) : '',
      })
    : undefined;

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <CboForm
        locale={locale}
        idempotencyKey={randomUUID()}
        provinces={provinces.map((p) => ({ value: p.code, label: provinceName(p, locale) }))}
        provinceHint={openHint}
        visits={visits?.map((visit) => ({
          value: visit.id,
          label: [
            format.dateTime(new Date(visit.visitedOn), { dateStyle: 'medium' }),
            provinceName(byCode.get(visit.provinceCode), locale),
            visit.commune ?? visit.district,
          ]
            .filter(Boolean)
            .join(' · '),
        }))}
        today={todayInCambodia()}
        fieldVisitId={fieldVisitId}
      />
    </>
  );
}
