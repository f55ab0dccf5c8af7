import { getTranslations } from 'next-intl/server';
import type { GrantApplicationRun, GrantReview } from '@bandanh/contracts';
import { getLocalFormat } from '@/i18n/local-format-server';
import styles from './grants.module.css';

/**
 * Where the application's workflow is: the automatic eligibility check and the coordinator's,
 * the reviewers and where each stands, and the approval chain step by step with who decided.
 */
export async function RunView({
  run,
  reviews,
  names,
  money,
}: {
  run: GrantApplicationRun;
  reviews: GrantReview[];
  /** Staff names by id. */
  names: Record<string, string>;
  money: (minor: number) => string;
}) {
  const t = await getTranslations('grants.run');
  const words = await getTranslations('grants');
  const roles = await getTranslations('roles');
  const format = await getLocalFormat();
  const when = (instant: string | null) =>
    instant ? format.dateTime(new Date(instant), { dateStyle: 'medium', timeStyle: 'short' }) : '';
  const who = (id: string | null) => (id ? (names[id] ?? t('someone')) : t('rules'));
  const { check, decision } = run.eligibility;
  const reviewOf = new Map(reviews.map((review) => [review.reviewerId, review]));

  return (
    <section aria-labelledby="run-title" data-run data-run-stage={run.stage}>
      <h2 id="run-title">{t('title')}</h2>
      <p>
        {t('stageNow')} <span className="stage">{words(`stages.${run.stage}`)}</span>
        {run.cycle > 1 && <span className="muted"> · {t('cycle', { n: format.number(run.cycle) })}</span>}
      </p>

      <h3>{t('eligibilityTitle')}</h3>
      {check ? (
        check.passed ? (
          <p data-check="passed">{t('checkPassed')}</p>
        ) : (
          <div data-check="failed">
            <p>{t('checkFailed')}</p>
            <ul>
              {check.failed.map((rule) => (
                <li key={rule} data-failed-rule={rule}>
                  {words(`rules.${rule}`)}
                </li>
              ))}
            </ul>
          </div>
        )
      ) : (
        <p className="muted">{t('checkPending')}</p>
      )}
      {decision ? (
        <p data-eligibility-decision={decision.outcome}>
          {t(`eligibility.${decision.outcome}`, {
            who: who(decision.decidedBy),
            when: when(decision.decidedAt),
          })}
          {decision.reason && (
            <>
              <br />
              <span className={styles.text}>{decision.reason}</span>
            </>
          )}
        </p>
      ) : (
        run.stage === 'eligibility' && <p className="muted">{t('eligibilityWaiting')}</p>
      )}

      <h3>{t('reviewersTitle')}</h3>
      <p className="muted">{t('reviewersNeeded', { n: format.number(run.reviewersNeeded) })}</p>
      {run.reviews.length === 0 ? (
        <p className="muted">{t('noReviewers')}</p>
      ) : (
        <ul data-reviewers>
          {run.reviews.map((entry) => {
            const review = reviewOf.get(entry.reviewerId);
            return (
              <li key={entry.reviewerId} data-reviewer={entry.reviewerId} data-review-status={entry.status}>
                {review?.reviewerName ?? names[entry.reviewerId] ?? t('someone')}:{' '}
                <span className={styles.badge}>{words(`reviewStatuses.${entry.status}`)}</span>
                {review?.status === 'conflict' && review.conflictNote && (
                  <span className="muted"> — {review.conflictNote}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}

      <h3>{t('chainTitle')}</h3>
      <p className="muted">{t('requested', { amount: money(run.requested) })}</p>
      <ol className={styles.steps} data-chain-steps>
        {run.steps.map((step, i) => (
          <li
            key={step.role}
            data-step={i}
            data-step-role={step.role}
            data-outcome={step.outcome ?? undefined}
            data-current={run.currentStep === i && run.stage === 'approval'}
          >
            <strong>{t('stepN', { n: format.number(i + 1), role: roles(step.role) })}</strong>
            {step.aboveAmount > 0 && (
              <span className="muted"> · {t('above', { amount: money(step.aboveAmount) })}</span>
            )}
            <br />
            {step.outcome ? (
              <>
                {t(`outcomes.${step.outcome}`, {
                  who: who(step.decidedBy),
                  when: when(step.decidedAt),
                  amount: money(step.amount ?? run.requested),
                })}
                {step.reason && (
                  <>
                    <br />
                    <span className={styles.text}>{step.reason}</span>
                  </>
                )}
              </>
            ) : run.currentStep === i && run.stage === 'approval' ? (
              <span>{t('deciding')}</span>
            ) : (
              <span className="muted">{t('notYet')}</span>
            )}
          </li>
        ))}
      </ol>
      {run.approvedAmount !== null && (
        <p className="notice ok" data-approved-amount={run.approvedAmount}>
          {t('approvedAmount', { amount: money(run.approvedAmount) })}
        </p>
      )}
    </section>
  );
}
