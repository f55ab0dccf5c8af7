import { getTranslations, setRequestLocale } from 'next-intl/server';
import {
  PIPELINE_STAGES,
  findProvince,
  type ExpansionDashboard,
  type PipelineStage,
} from '@bandanh/contracts';
import styles from '@/components/expansion/expansion.module.css';
import { StageChart } from '@/components/expansion/stage-chart';
import { NotAllowed } from '@/components/not-allowed';
import { numberingSystemOf } from '@/components/notifications/numerals';
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

const PATH = '/expansion';

type Props = { params: Promise<{ locale: string }> };

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('expansion');

/**
 * How the network grows: each target against its goal, CBOs per stage in each province (a chart
 * and the same numbers as a table), and the plan that opens the provinces phase by phase.
 */
export default async function ExpansionPage({ params }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations();
  const format = await getLocalFormat();

  const { account } = await requireAccount(locale, PATH);
  if (!can(account, 'readProgramme')) return <NotAllowed title={t('expansion.title')} />;

  let dashboard: ExpansionDashboard;
  try {
    dashboard = await api(ROUTES.getExpansion);
  } catch (error) {
    if (afterFailure(error, locale, PATH) === 'notAllowed')
      return <NotAllowed title={t('expansion.title')} />;
    return <Unavailable title={t('expansion.title')} message={t('expansion.unavailable')} />;
  }

  const province = (code: string) => provinceName(findProvince(code), locale) || code;
  const provinces = (codes: string[]) => codes.map(province).join(', ');
  // One numeral style per language, everywhere on the page: Khmer digits in Khmer.
  const numberingSystem = numberingSystemOf(locale);
  const date = (value: string) =>
    format.dateTime(calendarDate(value), { dateStyle: 'medium', numberingSystem });
  const instant = (value: string) =>
    format.dateTime(new Date(value), { dateStyle: 'medium', numberingSystem });
  const number = (n: number) => format.number(n, { numberingSystem });
  const percent = (share: number) => format.number(share, { style: 'percent', numberingSystem });
  const stageLabels = Object.fromEntries(PIPELINE_STAGES.map((s) => [s, t(`stages.${s}`)])) as Record<
    PipelineStage,
    string
  >;
  const phaseOf = new Map(dashboard.phases.flatMap((phase) => phase.provinces.map((code) => [code, phase])));
  const charted = dashboard.provinces.filter((p) => p.open || p.total > 0);

  const status = (code: string, open: boolean, openedAt: string | null) => {
    if (open && openedAt)
      return <span className={styles.open}>{t('expansion.openSince', { date: instant(openedAt) })}</span>;
    const phase = phaseOf.get(code);
    if (!phase) return t('expansion.notPlanned');
    return t('expansion.plannedFor', { seq: number(phase.seq), date: date(phase.opensOn) });
  };

  return (
    <>
      <h1>{t('expansion.title')}</h1>
      <p className="muted">{t('expansion.intro')}</p>
      {can(account, 'administer') && (
        <div className="actions">
          <Link href="/admin/programme">{t('expansion.change')}</Link>
        </div>
      )}

      <section aria-labelledby="targets-title">
        <h2 id="targets-title">{t('expansion.targetsTitle')}</h2>
        {dashboard.targets.length === 0 ? (
          <p>{t('expansion.noTargets')}</p>
        ) : (
          <ul className={styles.targets} data-targets>
            {dashboard.targets.map((target) => {
              const share = Math.min(1, target.actual / target.count);
              const reached = target.actual >= target.count;
              return (
                <li
                  key={target.id}
                  className={styles.target}
                  data-target-id={target.id}
                  data-goal={target.count}
                  data-actual={target.actual}
                  data-reached={reached}
                >
                  <div className={styles.targetLabel}>
                    {locale === 'km' ? target.labelKm : target.labelEn}
                  </div>
                  <div className={styles.figure}>
                    {t('expansion.progress', { actual: number(target.actual), goal: number(target.count) })}
                  </div>
                  <div className={styles.bar} aria-hidden="true">
                    <div className={styles.fill} style={{ width: `${Math.round(share * 100)}%` }} />
                  </div>
                  <div>
                    {reached ? (
                      <span className={styles.reached}>{t('expansion.reached')}</span>
                    ) : (
                      t('expansion.percent', { share: percent(share) })
                    )}
                  </div>
                  <div className="muted">
                    {t(`expansion.metrics.${target.metric}`)} ·{' '}
                    {target.provinces.length > 0 ? provinces(target.provinces) : t('expansion.allProvinces')}
                  </div>
                  <div className="muted">{t('expansion.due', { date: date(target.dueOn) })}</div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="stages-title">
        <h2 id="stages-title">{t('expansion.stagesTitle')}</h2>
        {dashboard.overall.total === 0 ? (
          <p>{t('expansion.noCbos')}</p>
        ) : (
          <StageChart
            rows={charted.map((p) => ({
              code: p.provinceCode,
              label: province(p.provinceCode),
              counts: p.counts,
              total: p.total,
            }))}
            stageLabels={stageLabels}
            formatNumber={number}
            title={t('expansion.chartTitle')}
            description={t('expansion.chartDescription')}
          />
        )}
      </section>

      <section aria-labelledby="provinces-title" className={styles.wide}>
        <h2 id="provinces-title">{t('expansion.provincesTitle')}</h2>
        <div className="table-scroll">
          <table className={styles.table} data-provinces>
            <caption>{t('expansion.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('expansion.province')}</th>
                <th scope="col">{t('expansion.status')}</th>
                <th scope="col" className={styles.n}>
                  {t('expansion.total')}
                </th>
                {PIPELINE_STAGES.map((stage) => (
                  <th scope="col" className={styles.n} key={stage}>
                    {stageLabels[stage]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {dashboard.provinces.map((p) => (
                <tr
                  key={p.provinceCode}
                  data-province={p.provinceCode}
                  data-open={p.open}
                  data-total={p.total}
                >
                  <th scope="row">{province(p.provinceCode)}</th>
                  <td className={styles.status}>{status(p.provinceCode, p.open, p.openedAt)}</td>
                  <td className={styles.n} data-total>
                    {number(p.total)}
                  </td>
                  {PIPELINE_STAGES.map((stage) => (
                    <td className={styles.n} key={stage} data-stage={stage}>
                      {number(p.counts[stage] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-overall>
                <th scope="row" colSpan={2}>
                  {t('expansion.allProvinces')}
                </th>
                <td className={styles.n}>{number(dashboard.overall.total)}</td>
                {PIPELINE_STAGES.map((stage) => (
                  <td className={styles.n} key={stage}>
                    {number(dashboard.overall.counts[stage] ?? 0)}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section aria-labelledby="plan-title">
        <h2 id="plan-title">{t('expansion.planTitle')}</h2>
        <ol className={styles.phases} data-phases>
          {dashboard.phases.map((phase) => (
            <li key={phase.seq} data-phase={phase.seq} data-opened={Boolean(phase.openedAt)}>
              <strong>{t('expansion.phase', { seq: number(phase.seq) })}</strong>:{' '}
              {provinces(phase.provinces)} ·{' '}
              {phase.openedAt ? (
                <span className={styles.open}>
                  {t('expansion.openedOn', { date: instant(phase.openedAt) })}
                </span>
              ) : (
                t('expansion.opensOn', { date: date(phase.opensOn) })
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
