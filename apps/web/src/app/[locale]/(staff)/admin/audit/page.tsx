import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { Account, AuditEntry } from '@bandanh/contracts';
import { NotAllowed } from '@/components/not-allowed';
import { Unavailable } from '@/components/unavailable';
import { can } from '@/lib/access';
import { api, ROUTES, type RouteOutput } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

type Props = { params: Promise<{ locale: string }> };

const LIMIT = 50;

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('audit');

function detailsText(details: AuditEntry['details']): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}

export default async function AuditPage({ params }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('audit');
  const format = await getFormatter();
  const { account: me } = await requireAccount(locale, '/admin/audit');
  if (!can(me, 'administer')) return <NotAllowed title={t('title')} />;

  let entries: AuditEntry[];
  let verification: RouteOutput<typeof ROUTES.verifyAudit>;
  let accounts: Account[];
  try {
    [{ items: entries }, verification, { items: accounts }] = await Promise.all([
      api(ROUTES.listAudit, { query: { limit: LIMIT } }),
      api(ROUTES.verifyAudit),
      api(ROUTES.listAccounts),
    ]);
  } catch (error) {
    if (afterFailure(error, locale, '/admin/audit') === 'notAllowed')
      return <NotAllowed title={t('title')} />;
    return <Unavailable title={t('title')} message={t('unavailable')} />;
  }

  const names = new Map(accounts.map((account) => [account.id, account.displayName]));
  const known = (group: 'actions' | 'targets' | 'outcomes', key: string | null) =>
    key && t.has(`${group}.${key}`) ? t(`${group}.${key}`) : (key ?? '');

  return (
    <>
      <h1>{t('title')}</h1>
      {verification.valid ? (
        <p className="notice ok" role="status" data-audit-chain="valid">
          {t('chainValid', { count: verification.entries })}
        </p>
      ) : (
        <p className="notice error" role="alert" data-audit-chain="broken">
          {t('chainBroken', { seq: verification.firstBrokenSeq ?? 0, count: verification.entries })}
        </p>
      )}
      <p className="muted">{t('latest', { count: entries.length })}</p>
      <div className="table-scroll">
        <table className="audit">
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
            {entries.map((entry) => (
              <tr key={entry.seq} data-seq={entry.seq}>
                <td>{entry.seq}</td>
                <td>
                  <time dateTime={entry.at}>
                    {format.dateTime(new Date(entry.at), { dateStyle: 'short', timeStyle: 'medium' })}
                  </time>
                </td>
                <td>{entry.actorId ? (names.get(entry.actorId) ?? entry.actorId) : t('nobody')}</td>
                <td data-action={entry.action}>{known('actions', entry.action)}</td>
                <td>
                  {known('targets', entry.targetType)}
                  {entry.targetId && (
                    <>
                      {' '}
                      <span className="muted">{names.get(entry.targetId) ?? entry.targetId}</span>
                    </>
                  )}
                </td>
                <td data-outcome={entry.outcome}>{known('outcomes', entry.outcome)}</td>
                <td className="details">{detailsText(entry.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
