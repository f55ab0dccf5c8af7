import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { GrantRound } from '@bandanh/contracts';
import { roundName } from '@/components/grants/grant-data';
import { formatMoney } from '@/components/grants/money';
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

const PATH = '/grants/rounds';

type Props = { params: Promise<{ locale: string }> };

export const dynamic = 'force-dynamic';
export const generateMetadata = pageTitle('grants.rounds');

/** The grant rounds, newest first: state, envelope (budget, committed, remaining) and dates; admins open one. */
export default async function RoundsPage({ params }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('grants');
  const format = await getLocalFormat();
  const { account } = await requireAccount(locale, PATH);
  if (!can(account, 'readGrants')) return <NotAllowed title={t('rounds.title')} />;

  let rounds: GrantRound[];
  try {
    ({ items: rounds } = await api(ROUTES.listGrantRounds));
  } catch (error) {
    if (afterFailure(error, locale, PATH) === 'notAllowed') return <NotAllowed title={t('rounds.title')} />;
    return <Unavailable title={t('rounds.title')} message={t('rounds.unavailable')} />;
  }
  const when = (instant: string) =>
    format.dateTime(new Date(instant), { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <>
      <h1>{t('rounds.title')}</h1>
      <div className={styles.toolbar}>
        <p className="muted">{t('rounds.intro')}</p>
        {can(account, 'keepRounds') && (
          <Link href="/grants/rounds/new" data-open-round>
            {t('rounds.open')}
          </Link>
        )}
      </div>
      {rounds.length === 0 ? (
        <p data-no-rounds>{t('rounds.empty')}</p>
      ) : (
        <ul className="list" data-rounds>
          {rounds.map((round) => (
            <li key={round.id} data-round-id={round.id} data-state={round.state}>
              <div className="name">
                <Link href={`/grants/rounds/${round.id}`}>{roundName(round, locale)}</Link>{' '}
                <span className="stage" data-round-state={round.state}>
                  {t(`states.${round.state}`)}
                </span>
              </div>
              <dl className="facts">
                <dt>{t('envelope.budget')}</dt>
                <dd>{formatMoney(locale, round.budget, round.currency)}</dd>
                <dt>{t('envelope.committed')}</dt>
                <dd>{formatMoney(locale, round.committed, round.currency)}</dd>
                <dt>{t('envelope.remaining')}</dt>
                <dd data-remaining={round.remaining}>
                  {formatMoney(locale, round.remaining, round.currency)}
                </dd>
                <dt>{t('rounds.dates')}</dt>
                <dd>{t('rounds.fromTo', { opens: when(round.opensAt), closes: when(round.closesAt) })}</dd>
              </dl>
              {can(account, 'keepRounds') && (
                <p>
                  <Link href={`/grants/rounds/${round.id}/edit`}>{t('rounds.edit')}</Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
