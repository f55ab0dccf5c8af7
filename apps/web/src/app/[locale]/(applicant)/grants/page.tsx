import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { GrantApplication, GrantRound } from '@bandanh/contracts';
import { formatMoney } from '@/components/grants/money';
import { daysLeft, when } from '@/components/grants-member/format';
import { StartForm } from '@/components/grants-member/start-form';
import styles from '@/components/grants-member/grants-member.module.css';
import { NotAllowed } from '@/components/not-allowed';
import { Unavailable } from '@/components/unavailable';
import { ClientMessages } from '@/i18n/client-messages';
import { getLocalFormat } from '@/i18n/local-format-server';
import { Link } from '@/i18n/navigation';
import { can } from '@/lib/access';
import { api, ROUTES } from '@/lib/api';
import { afterFailure, requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pageTitle } from '@/lib/page-title';

const PATH = '/grants';

type Props = { params: Promise<{ locale: string }> };

export const dynamic = 'force-dynamic';

export const generateMetadata = pageTitle('grantsMember.list');

/**
 * A member's grants: the open rounds their group may apply to (name, ceiling, closing date in
 * Phnom Penh, days left) with a button to start or continue, and the group's applications with
 * their stage and reference. Server-rendered; the start button is a plain form.
 */
export default async function GrantsPage({ params }: Props) {
  const locale = localeOf((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations('grantsMember');
  const format = await getLocalFormat();
  const { account } = await requireAccount(locale, PATH);
  if (!can(account, 'readOwnCbo')) return <NotAllowed title={t('list.title')} />;
  if (!account.cboId) {
    return (
      <>
        <h1>{t('list.title')}</h1>
        <section className="card" data-not-linked>
          <p>{t('list.notLinked')}</p>
          <Link href="/account/link-cbo">{t('list.linkAction')}</Link>
        </section>
      </>
    );
  }

  let rounds: GrantRound[];
  let applications: GrantApplication[];
  let stage: string | null;
  try {
    [rounds, applications, stage] = await Promise.all([
      api(ROUTES.listGrantRounds).then((answer) => answer.items),
      api(ROUTES.listMyGrantApplications).then((answer) => answer.items),
      api(ROUTES.getCbo, { params: { id: account.cboId } }).then((answer) => answer.cbo.stage),
    ]);
  } catch (error) {
    if (afterFailure(error, locale, PATH) === 'notAllowed') return <NotAllowed title={t('list.title')} />;
    return <Unavailable title={t('list.title')} message={t('list.unavailable')} />;
  }
  const nameOf = (round: GrantRound | undefined) =>
    round ? (locale === 'km' ? round.nameKm : round.nameEn) : '';
  const open = rounds.filter((round) => round.state === 'open');
  const byRound = new Map(applications.map((application) => [application.roundId, application]));
  const roundOf = new Map(rounds.map((round) => [round.id, round]));

  return (
    <ClientMessages namespaces={['grantsMember.errors', 'grantsMember.working']}>
      <h1>{t('list.title')}</h1>
      <p className="muted">{t('list.intro')}</p>

      <section aria-labelledby="open-rounds" data-open-rounds>
        <h2 id="open-rounds">{t('list.openTitle')}</h2>
        {open.length === 0 && stage !== 'grant_eligible' && (
          <p className="card" data-not-eligible-yet>
            {t('list.notEligibleYet')} <Link href="/my-cbo">{t('list.seeTraining')}</Link>
          </p>
        )}
        {open.length === 0 && stage === 'grant_eligible' && <p className="muted">{t('list.noneOpen')}</p>}
        <ul className={styles.cards}>
          {open.map((round) => {
            const mine = byRound.get(round.id);
            const left = daysLeft(round.closesAt);
            return (
              <li key={round.id} className="card" data-round={round.id}>
                <h3 className={styles.cardTitle}>{nameOf(round)}</h3>
                <dl className={styles.facts}>
                  <dt>{t('list.ceiling')}</dt>
                  <dd data-round-ceiling>
                    {t('list.range', {
                      min: formatMoney(locale, round.minAmount, round.currency),
                      max: formatMoney(locale, round.maxAmount, round.currency),
                    })}
                  </dd>
                  <dt>{t('list.closes')}</dt>
                  <dd data-round-closes>
                    <time dateTime={round.closesAt}>{when(format, round.closesAt)}</time>{' '}
                    <span className="muted" data-days-left={left}>
                      ({t('list.daysLeft', { days: left, n: format.number(left) })})
                    </span>
                  </dd>
                </dl>
                {mine ? (
                  <Link
                    className={styles.linkButton}
                    href={`/my-cbo/grants/${mine.id}`}
                    data-continue={mine.id}
                  >
                    {mine.stage === 'draft' || mine.stage === 'returned' ? t('list.continue') : t('list.see')}
                  </Link>
                ) : (
                  <StartForm locale={locale} roundId={round.id} label={t('list.start')} />
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="my-applications" data-my-applications>
        <h2 id="my-applications">{t('list.mineTitle')}</h2>
        {applications.length === 0 && <p className="muted">{t('list.noneYet')}</p>}
        <ul className={styles.cards}>
          {applications.map((application) => (
            <li key={application.id} className="card" data-application={application.id}>
              <h3 className={styles.cardTitle}>
                <Link href={`/my-cbo/grants/${application.id}`}>
                  {application.plan.title || t('list.untitled')}
                </Link>
              </h3>
              <p className="muted">{nameOf(roundOf.get(application.roundId))}</p>
              <p>
                <span className="stage" data-stage={application.stage}>
                  {t(`stages.${application.stage}`)}
                </span>{' '}
                {application.reference && (
                  <span data-reference>
                    {t('list.reference')} <strong>{application.reference}</strong>
                  </span>
                )}
              </p>
              <p className="muted">
                {formatMoney(locale, application.totals.requested, application.currency)}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </ClientMessages>
  );
}
