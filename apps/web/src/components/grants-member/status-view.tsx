import { getTranslations } from 'next-intl/server';
import type { GrantApplication, GrantRound } from '@bandanh/contracts';
import { getLocalFormat } from '@/i18n/local-format-server';
import { Link } from '@/i18n/navigation';
import { formatMoney } from '@/components/grants/money';
import { when } from './format';
import styles from './grants-member.module.css';

/** Where an application stands, in plain words: the next thing that happens at each stage. */
const WHERE = [
  'submitted',
  'eligibility',
  'review',
  'approval',
  'agreement',
  'declined',
  'returned',
] as const;

/** A decline for the automatic rules reads `rules:<rule>,<rule>`: each rule said in words. */
function reasonText(reason: string | null, rule: (key: string) => string): string | null {
  if (!reason) return null;
  if (!reason.startsWith('rules:')) return reason;
  return reason
    .slice('rules:'.length)
    .split(',')
    .filter(Boolean)
    .map((key) => rule(key))
    .join(' ');
}

/**
 * The applicant's status page, once submitted: the reference and receipt, where it is and what
 * comes next, and any decision with its reason (a returned application can be changed again).
 */
export async function StatusView({
  application,
  round,
  locale,
  justSubmitted,
}: {
  application: GrantApplication;
  round: GrantRound | null;
  locale: string;
  justSubmitted: boolean;
}) {
  const t = await getTranslations('grantsMember');
  const format = await getLocalFormat();
  const { decision, stage } = application;
  const amount = (minor: number) => formatMoney(locale, minor, application.currency);
  const stageKey = (WHERE as readonly string[]).includes(stage) ? stage : 'submitted';
  const rule = (key: string) => (t.has(`rules.${key}`) ? t(`rules.${key}`) : key);

  return (
    <>
      <p className="muted">{round ? (locale === 'km' ? round.nameKm : round.nameEn) : t('list.title')}</p>
      <h1>{application.plan.title || t('list.untitled')}</h1>
      {justSubmitted && (
        <p className="notice ok" role="status" data-just-submitted>
          {t('status.thanks')}
        </p>
      )}
      <section className={`card ${styles.receipt}`} aria-labelledby="receipt-title" data-receipt>
        <h2 id="receipt-title">{t('status.receiptTitle')}</h2>
        <dl className={styles.facts}>
          <dt>{t('status.reference')}</dt>
          <dd>
            <strong data-reference>{application.reference}</strong>
          </dd>
          {application.submittedAt && (
            <>
              <dt>{t('status.submittedAt')}</dt>
              <dd data-submitted-at>
                <time dateTime={application.submittedAt}>{when(format, application.submittedAt)}</time>
              </dd>
            </>
          )}
          <dt>{t('budget.requested')}</dt>
          <dd data-requested={application.totals.requested}>{amount(application.totals.requested)}</dd>
        </dl>
        <p className="muted">{t('status.emailed')}</p>
      </section>

      <section className="card" aria-labelledby="where-title" data-status-stage={stage}>
        <h2 id="where-title">
          {t('status.whereTitle')}{' '}
          <span className="stage" data-stage={stage}>
            {t(`stages.${stage}`)}
          </span>
        </h2>
        <p data-where>{t(`status.where.${stageKey}`)}</p>
        <p data-next>{t(`status.next.${stageKey}`)}</p>
      </section>

      {decision && (
        <section className="card" aria-labelledby="decision-title" data-decision={decision.outcome}>
          <h2 id="decision-title">{t(`status.decision.${decision.outcome}`)}</h2>
          <p className="muted">
            <time dateTime={decision.decidedAt}>{when(format, decision.decidedAt)}</time>
          </p>
          {decision.outcome === 'approved' && decision.amount !== null && (
            <p data-approved-amount={decision.amount}>
              {t('status.approvedAmount', { amount: amount(decision.amount) })}
              {decision.amount < application.totals.requested &&
                ` ${t('status.lowerThanAsked', { asked: amount(application.totals.requested) })}`}
            </p>
          )}
          {decision.reason && (
            <p data-decision-reason>
              {t('status.reason')} {reasonText(decision.reason, rule)}
            </p>
          )}
          {stage === 'returned' && (
            <p>
              <Link
                className={styles.linkButton}
                href={`/my-cbo/grants/${application.id}?step=plan`}
                data-change-again
              >
                {t('status.changeAgain')}
              </Link>
            </p>
          )}
        </section>
      )}
      <p>
        <Link href="/grants">{t('status.allGrants')}</Link>
      </p>
    </>
  );
}
