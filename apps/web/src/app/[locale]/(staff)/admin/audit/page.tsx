import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AuditQuery, type Account, type AuditEntry, type AuditPageView } from '@bandanh/contracts';
import { AuditFilters, type AuditFilterValues } from '@/components/audit/audit-filters';
import { actionKey, detailsText, recordName } from '@/components/audit/audit-labels';
import styles from '@/components/audit/audit.module.css';
import { NotAllowed } from '@/components/not-allowed';
import { numberingSystemOf } from '@/components/notifications/numerals';
import { Unavailable } from '@/components/unavailable';
import { can } from '@/lib/access';
import { api, ROUTES, type RouteOutput } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';
import { getLocalFormat } from '@/i18n/local-format-server';

const PATH = '/admin/audit';
const LIMIT = 50;
const FILTERS = ['actorId', 'action', 'targetType', 'targetId', 'from', 'to'] as const;

type Search = Partial<Record<(typeof FILTERS)[number] | 'before' | 'after', string | string[]>>;
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Search> };

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('audit');

/** The filters given, trimmed; an empty field is no filter. */
function filtersOf(search: Search): AuditFilterValues & { before?: string; after?: string } {
  const values: Record<string, string> = {};
  for (const name of [...FILTERS, 'before', 'after'] as const) {
    const raw = search[name];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value) values[name] = value;
  }
  return values;
}

/** A long id, shortened for the table (its whole self in the title and the link). */
const shortId = (id: string) => (id.length > 13 ? `${id.slice(0, 8)}…` : id);

/** This page's address with these filters and the page asked for. */
function hrefOf(base: string, filters: AuditFilterValues, page: { before?: number; after?: number } = {}) {
  const query = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) query.set(name, filters[name]);
  if (page.before !== undefined) query.set('before', String(page.before));
  if (page.after !== undefined) query.set('after', String(page.after));
  const search = query.toString();
  return search ? `${base}?${search}` : base;
}

export default async function AuditPage({ params, searchParams }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('audit');
  const tl = await getTranslations('auditLog');
  const format = await getLocalFormat();
  const numberingSystem = numberingSystemOf(locale);
  const { account: me } = await requireAccount(locale, PATH);
  if (!can(me, 'administer')) return <NotAllowed title={t('title')} />;

  const base = `/${locale}${PATH}`;
  const given = filtersOf(await searchParams);
  const { before: _before, after: _after, ...filters } = given;
  const parsed = AuditQuery.safeParse({ limit: LIMIT, ...given });
  const invalid = new Set(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0])));
  const problems = parsed.success
    ? []
    : [
        ...new Set(
          parsed.error.issues.map((issue) => {
            const field = String(issue.path[0]);
            if (field === 'from' || field === 'to') {
              return issue.code === 'custom' ? tl('errors.order') : tl(`errors.${field}`);
            }
            return tl('errors.other');
          }),
        ),
      ];

  let page: AuditPageView | undefined;
  let verification: RouteOutput<typeof ROUTES.verifyAudit>;
  let accounts: Account[];
  try {
    [page, verification, { items: accounts }] = await Promise.all([
      parsed.success ? api(ROUTES.listAudit, { query: parsed.data }) : undefined,
      api(ROUTES.verifyAudit),
      api(ROUTES.listAccounts),
    ]);
  } catch (error) {
    if (afterFailure(error, locale, PATH) === 'notAllowed') return <NotAllowed title={t('title')} />;
    return <Unavailable title={t('title')} message={t('unavailable')} />;
  }

  const number = (n: number) => format.number(n, { numberingSystem, useGrouping: false });
  const known = (group: 'targets' | 'outcomes', key: string | null) =>
    key && tl.has(`${group}.${key}`) ? tl(`${group}.${key}`) : (key ?? '');
  const actionName = (action: string) =>
    tl.has(actionKey(action)) ? tl(actionKey(action)) : tl('unknownAction', { action });
  const people = page?.people ?? {};
  const records = page?.records ?? {};
  const actorName = (actorId: string | null) => {
    if (actorId === null) return tl('public');
    if (actorId.startsWith('system:')) {
      const service = actorId.slice('system:'.length);
      return tl.has(`services.${service}`) ? tl(`services.${service}`) : actorId;
    }
    return people[actorId] ?? actorId;
  };
  const filtered = Object.keys(filters).length > 0;

  /** The record an entry is about: its kind and name, a link to the entries about it. */
  const RecordCell = ({ entry }: { entry: AuditEntry }) => {
    const cboId = typeof entry.details.cboId === 'string' ? entry.details.cboId : undefined;
    const name =
      entry.targetType === 'user'
        ? people[entry.targetId ?? '']
        : recordName(records, entry.targetId, locale);
    const cboName = cboId && entry.targetType !== 'cbo' ? recordName(records, cboId, locale) : undefined;
    return (
      <>
        {entry.targetType && <span className="muted">{known('targets', entry.targetType)} </span>}
        {entry.targetId && (
          <a
            href={hrefOf(base, { targetType: entry.targetType ?? undefined, targetId: entry.targetId })}
            data-record={entry.targetId}
          >
            {name ?? <span title={entry.targetId}>{shortId(entry.targetId)}</span>}
          </a>
        )}
        {cboId && entry.targetType !== 'cbo' && (
          <span className={styles.about}>
            {tl('aboutCbo')}{' '}
            <a href={hrefOf(base, { targetType: 'cbo', targetId: cboId })} data-record={cboId}>
              {cboName ?? <span title={cboId}>{shortId(cboId)}</span>}
            </a>
          </span>
        )}
      </>
    );
  };

  const paging = page && (page.newer !== null || page.older !== null) && (
    <nav className={styles.paging} aria-label={tl('paging.label')} data-audit-paging>
      {page.newer !== null ? (
        <a href={hrefOf(base, filters, { after: page.newer })} rel="prev" data-audit-newer>
          {tl('paging.newer')}
        </a>
      ) : (
        <span />
      )}
      {page.older !== null && (
        <a href={hrefOf(base, filters, { before: page.older })} rel="next" data-audit-older>
          {tl('paging.older')}
        </a>
      )}
    </nav>
  );

  return (
    <>
      <h1>{t('title')}</h1>
      {verification.valid ? (
        <p className="notice ok" role="status" data-audit-chain="valid">
          {tl('chainValid', { count: verification.entries, shown: number(verification.entries) })}
        </p>
      ) : (
        <p className="notice error" role="alert" data-audit-chain="broken">
          {tl('chainBroken', {
            seq: number(verification.firstBrokenSeq ?? 0),
            count: verification.entries,
            shown: number(verification.entries),
          })}
        </p>
      )}
      {problems.length > 0 && (
        <div
          className="notice error"
          role="alert"
          tabIndex={-1}
          autoFocus
          data-focus-after-submit=""
          data-audit-error
        >
          <p>{tl('errors.title')}</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <AuditFilters action={base} values={filters} accounts={accounts} invalid={invalid} />
      {page && (
        <>
          <p className="muted" role="status">
            {page.items.length === 0
              ? tl('none')
              : tl(filtered ? 'shownFiltered' : 'shown', {
                  count: page.items.length,
                  shown: number(page.items.length),
                  newest: number(page.items[0].seq),
                  oldest: number(page.items[page.items.length - 1].seq),
                })}
          </p>
          {paging}
          {page.items.length > 0 && (
            <div className="table-scroll">
              <table className="audit" data-audit-entries>
                <thead>
                  <tr>
                    <th scope="col">{t('seq')}</th>
                    <th scope="col">{t('at')}</th>
                    <th scope="col">{t('actor')}</th>
                    <th scope="col">{t('action')}</th>
                    <th scope="col">{t('target')}</th>
                    <th scope="col">{t('outcome')}</th>
                    <th scope="col">{t('details')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((entry) => (
                    <tr key={entry.seq} data-seq={entry.seq}>
                      <td>{number(entry.seq)}</td>
                      <td>
                        <time dateTime={entry.at}>
                          {format.dateTime(new Date(entry.at), {
                            dateStyle: 'short',
                            timeStyle: 'medium',
                            numberingSystem,
                          })}
                        </time>
                      </td>
                      <td data-actor={entry.actorId ?? ''}>{actorName(entry.actorId)}</td>
                      <td data-action={entry.action}>{actionName(entry.action)}</td>
                      <td>
                        <RecordCell entry={entry} />
                      </td>
                      <td data-outcome={entry.outcome}>{known('outcomes', entry.outcome)}</td>
                      <td className="details">{detailsText(entry.details)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {paging}
        </>
      )}
    </>
  );
}
