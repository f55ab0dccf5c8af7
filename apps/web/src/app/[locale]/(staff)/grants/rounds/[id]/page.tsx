import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { APPLICATION_STAGES } from '@bandanh/contracts/constants';
import {
  findProvince,
  type ApplicationStage,
  type GrantApplicationSummary,
  type GrantRound,
} from '@bandanh/contracts';
import { FilterSelect } from '@/components/filter-select';
import { cboNameIn, provinceChoices, roundName } from '@/components/grants/grant-data';
import { Envelope } from '@/components/grants/envelope';
import { formatMoney } from '@/components/grants/money';
import { listQueryOf, type ListSearch } from '@/components/grants/list-query';
import styles from '@/components/grants/grants.module.css';
import { NotAllowed } from '@/components/not-allowed';
import { Unavailable } from '@/components/unavailable';
import { Link } from '@/i18n/navigation';
import { getLocalFormat } from '@/i18n/local-format-server';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { provinceName } from '@/lib/provinces';

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<ListSearch> };

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('grants.roundPage');

const PAGE_SIZE = 100;

/**
 * A round's applications for grant staff: counts per stage (each a filter), filters by stage,
 * province and words, the remaining envelope, sorting by review score, and the CSV export of
 * what the filters select.
 */
export default async function RoundPage({ params, searchParams }: Props) {
  const { locale: raw, id } = await params;
  const locale = localeOf(raw);
  setRequestLocale(locale);
  if (!z.uuid().safeParse(id).success) notFound();
  const search = await searchParams;
  const { query, sort, page } = listQueryOf(search);
  const path = `/grants/rounds/${id}`;
  const t = await getTranslations('grants');
  const format = await getLocalFormat();
  const { account } = await requireAccount(locale, path);
  if (!can(account, 'readGrants')) return <NotAllowed title={t('roundPage.title')} />;

  let round: GrantRound;
  let list: {
    items: GrantApplicationSummary[];
    total: number;
    counts: Partial<Record<ApplicationStage, number>>;
  };
  try {
    [{ round }, list] = await Promise.all([
      api(ROUTES.getGrantRound, { params: { id } }),
      api(ROUTES.listGrantApplications, {
        params: { id },
        query: { ...query, sort, limit: PAGE_SIZE, offset: page * PAGE_SIZE },
      }),
    ]);
  } catch (error) {
    const failure = afterFailure(error, locale, path);
    if (failure === 'notFound') notFound();
    if (failure === 'notAllowed') return <NotAllowed title={t('roundPage.title')} />;
    return <Unavailable title={t('roundPage.title')} message={t('roundPage.unavailable')} />;
  }
  const items = list.items;
  const filters: Record<string, string> = {
    ...(query.stage ? { stage: query.stage } : {}),
    ...(query.provinceCode ? { province: query.provinceCode } : {}),
    ...(query.q ? { q: query.q } : {}),
  };
  const allCount = Object.values(list.counts).reduce<number>((sum, n) => sum + (n ?? 0), 0);
  const stageHref = (stage?: string) => {
    const { stage: _current, ...others } = filters;
    return {
      pathname: path,
      query: { ...others, ...(stage ? { stage } : {}), ...(sort === 'score' ? { sort } : {}) },
    };
  };
  const exportQuery = new URLSearchParams(filters).toString();
  const money = (minor: number) => formatMoney(locale, minor, round.currency);
  const last = (page + 1) * PAGE_SIZE >= list.total;
  const saved = typeof search.saved === 'string' && ['opened', 'changed'].includes(search.saved);

  return (
    <>
      <p>
        <Link href="/grants/rounds">{t('roundPage.back')}</Link>
      </p>
      <h1>
        {roundName(round, locale)}{' '}
        <span className="stage" data-round-state={round.state}>
          {t(`states.${round.state}`)}
        </span>
      </h1>
      {saved && (
        <p className="notice ok" role="status" data-round-saved>
          {t(`roundPage.saved.${search.saved as 'opened' | 'changed'}`)}
        </p>
      )}
      <Envelope round={round} money={money} />
      <div className={styles.toolbar}>
        {can(account, 'keepRounds') && <Link href={`${path}/edit`}>{t('rounds.edit')}</Link>}
        <a
          href={`/${locale}${path}/export.csv${exportQuery ? `?${exportQuery}` : ''}`}
          download
          data-export-csv
        >
          {t('roundPage.export')}
        </a>
      </div>

      <h2 id="stages-title">{t('roundPage.countsTitle')}</h2>
      <ul className={styles.counts} aria-labelledby="stages-title" data-stage-counts>
        <li>
          <Link href={stageHref(undefined)} aria-current={query.stage ? undefined : 'true'}>
            {t('roundPage.allStages', { count: format.number(allCount) })}
          </Link>
        </li>
        {APPLICATION_STAGES.filter((stage) => stage !== 'draft' || (list.counts.draft ?? 0) > 0).map(
          (stage) => (
            <li key={stage}>
              <Link
                href={stageHref(stage)}
                aria-current={query.stage === stage ? 'true' : undefined}
                data-stage-count={stage}
                data-count={list.counts[stage] ?? 0}
              >
                {t('roundPage.stageCount', {
                  stage: t(`stages.${stage}`),
                  count: format.number(list.counts[stage] ?? 0),
                })}
              </Link>
            </li>
          ),
        )}
      </ul>

      <form method="get" action={`/${locale}${path}`} className={`card ${styles.filters}`} data-filters>
        <FilterSelect
          id="filter-stage"
          name="stage"
          label={t('roundPage.stage')}
          any={t('roundPage.anyStage')}
          value={query.stage}
          choices={APPLICATION_STAGES.map((stage) => ({ value: stage, label: t(`stages.${stage}`) }))}
        />
        <FilterSelect
          id="filter-province"
          name="province"
          label={t('roundPage.province')}
          any={t('roundPage.anyProvince')}
          value={query.provinceCode}
          choices={provinceChoices(locale)}
        />
        <div className="field">
          <label htmlFor="filter-q">{t('roundPage.search')}</label>
          <input id="filter-q" name="q" type="search" defaultValue={query.q ?? ''} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="filter-sort">{t('roundPage.sort')}</label>
          <select id="filter-sort" name="sort" defaultValue={sort}>
            <option value="recent">{t('roundPage.sortRecent')}</option>
            <option value="score">{t('roundPage.sortScore')}</option>
          </select>
        </div>
        <button type="submit" className="secondary">
          {t('roundPage.show')}
        </button>
      </form>

      <p data-application-total={list.total}>
        {t('roundPage.total', { count: list.total, shown: format.number(list.total) })}
      </p>
      {items.length > 0 && (
        <div className="table-scroll">
          <table className={`${styles.table} ${styles.wideTable} ${styles.stackTable}`} data-applications>
            <thead>
              <tr>
                <th scope="col">{t('roundPage.columns.application')}</th>
                <th scope="col">{t('roundPage.columns.cbo')}</th>
                <th scope="col">{t('roundPage.columns.province')}</th>
                <th scope="col">{t('roundPage.columns.stage')}</th>
                <th scope="col" className="number">
                  {t('roundPage.columns.requested')}
                </th>
                <th scope="col" className="number">
                  {t('roundPage.columns.score')}
                </th>
                <th scope="col">{t('roundPage.columns.submitted')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-application-id={item.id} data-stage={item.stage}>
                  <td data-label={t('roundPage.columns.application')}>
                    <Link href={`/grants/applications/${item.id}`}>{item.title || t('untitled')}</Link>
                    {item.reference && (
                      <>
                        <br />
                        <span className="muted">{item.reference}</span>
                      </>
                    )}
                  </td>
                  <td data-label={t('roundPage.columns.cbo')}>{cboNameIn(item, locale) ?? '—'}</td>
                  <td data-label={t('roundPage.columns.province')}>
                    {item.provinceCode ? provinceName(findProvince(item.provinceCode), locale) : '—'}
                  </td>
                  <td data-label={t('roundPage.columns.stage')}>
                    <span className={styles.badge}>{t(`stages.${item.stage}`)}</span>
                    {item.decision?.outcome === 'approved' && item.decision.amount !== null && (
                      <>
                        <br />
                        {t('roundPage.approvedFor', { amount: money(item.decision.amount) })}
                      </>
                    )}
                  </td>
                  <td data-label={t('roundPage.columns.requested')} className="number">
                    {money(item.totals.requested)}
                  </td>
                  <td
                    data-label={t('roundPage.columns.score')}
                    className="number"
                    data-score={item.score ?? ''}
                  >
                    {item.score === null ? '—' : format.number(item.score, { maximumFractionDigits: 1 })}
                    <br />
                    <span className="muted">
                      {t('roundPage.reviewsDone', {
                        done: format.number(item.reviewsDone),
                        needed: format.number(item.reviewsNeeded),
                      })}
                    </span>
                  </td>
                  <td data-label={t('roundPage.columns.submitted')}>
                    {item.submittedAt
                      ? format.dateTime(new Date(item.submittedAt), { dateStyle: 'medium' })
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(page > 0 || !last) && (
        <nav className="pager" aria-label={t('roundPage.pages')}>
          {page > 0 && (
            <Link href={{ pathname: path, query: { ...filters, sort, page: String(page - 1) } }} rel="prev">
              {t('roundPage.previous')}
            </Link>
          )}
          {!last && (
            <Link href={{ pathname: path, query: { ...filters, sort, page: String(page + 1) } }} rel="next">
              {t('roundPage.next')}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
