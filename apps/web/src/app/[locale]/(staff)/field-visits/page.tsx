import { randomUUID } from 'node:crypto';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PROVINCES, findProvince, type FieldVisit } from '@bandanh/contracts';
import styles from '@/components/field-visits/field-visits.module.css';
import { VisitForm } from '@/components/field-visits/visit-form';
import { nowInPhnomPenh } from '@/components/hotline/hotline-draft';
import { NotAllowed } from '@/components/not-allowed';
import { Unavailable } from '@/components/unavailable';
import { Link } from '@/i18n/navigation';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { calendarDate } from '@/lib/calendar-date';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { provinceName } from '@/lib/provinces';
import { getLocalFormat } from '@/i18n/local-format-server';

const PATH = '/field-visits';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ recorded?: string; replayed?: string }>;
};

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('fieldVisits');

/** Visits to target areas, newest first, with the CBOs met on each; coordinators record them. */
export default async function FieldVisitsPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations('fieldVisits');
  const format = await getLocalFormat();

  const { account } = await requireAccount(locale, PATH);
  if (!can(account, 'readProgramme')) return <NotAllowed title={t('title')} />;
  const writer = can(account, 'recordCbo');

  let visits: FieldVisit[];
  try {
    ({ items: visits } = await api(ROUTES.listFieldVisits));
  } catch (error) {
    if (afterFailure(error, locale, PATH) === 'notAllowed') return <NotAllowed title={t('title')} />;
    return <Unavailable title={t('title')} message={t('unavailable')} />;
  }
  const recorded = query.recorded ? visits.find((v) => v.id === query.recorded) : undefined;
  const province = (code: string) => provinceName(findProvince(code), locale) || code;
  // Each rendering gets a new key: the form starts afresh after each visit recorded.
  const idempotencyKey = randomUUID();

  return (
    <>
      <h1>{t('title')}</h1>
      {recorded && (
        <p className="notice ok" role="status" data-recorded>
          {t(query.replayed ? 'alreadyRecorded' : 'recorded', { province: province(recorded.provinceCode) })}
        </p>
      )}
      <p className="muted">{t('intro')}</p>

      {writer && (
        <section aria-labelledby="record-title">
          <h2 id="record-title">{t('recordTitle')}</h2>
          <VisitForm
            key={idempotencyKey}
            locale={locale}
            idempotencyKey={idempotencyKey}
            today={nowInPhnomPenh().slice(0, 10)}
            provinces={PROVINCES.map((p) => ({ code: p.code, name: provinceName(p, locale) }))}
          />
        </section>
      )}

      <section aria-labelledby="visits-title">
        <h2 id="visits-title">{t('visitsTitle', { count: visits.length })}</h2>
        {visits.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <ul className="list" data-visits>
            {visits.map((visit) => {
              const place = [visit.village, visit.commune, visit.district].filter(Boolean).join(', ');
              return (
                <li key={visit.id} data-visit-id={visit.id}>
                  <div className="name">
                    {province(visit.provinceCode)} ·{' '}
                    {format.dateTime(calendarDate(visit.visitedOn), { dateStyle: 'medium' })}
                  </div>
                  <dl>
                    {place && (
                      <>
                        <dt>{t('place')}</dt>
                        <dd>{place}</dd>
                      </>
                    )}
                    {visit.notes && (
                      <>
                        <dt>{t('notes')}</dt>
                        <dd className={styles.text}>{visit.notes}</dd>
                      </>
                    )}
                    <dt>{t('cbosMet')}</dt>
                    <dd>
                      {visit.cbosMet.length === 0 ? (
                        t('noCbosMet')
                      ) : (
                        <ul className={styles.met} data-cbos-met>
                          {visit.cbosMet.map((cbo) => (
                            <li key={cbo.id}>
                              <Link href={`/cbos/${cbo.id}`}>
                                {locale === 'km' && cbo.nameKm ? cbo.nameKm : cbo.name}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      )}
                    </dd>
                  </dl>
                  {writer && (
                    <p>
                      <Link
                        href={{ pathname: '/cbos/new', query: { fieldVisitId: visit.id } }}
                        data-record-cbo
                      >
                        {t('recordCbo')}
                      </Link>
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
