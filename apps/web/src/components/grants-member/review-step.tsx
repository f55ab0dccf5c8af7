import { randomUUID } from 'node:crypto';
import { getTranslations } from 'next-intl/server';
import { findProvince, type GrantApplication, type GrantRound } from '@bandanh/contracts';
import { getLocalFormat } from '@/i18n/local-format-server';
import { Link } from '@/i18n/navigation';
import { provinceName } from '@/lib/provinces';
import type { Step } from './draft';
import { formatMoney } from '@/components/grants/money';
import { day } from './format';
import { SubmitForm } from './submit-form';
import styles from './grants-member.module.css';

/**
 * Everything the application says, step by step, each with a link back to change it, and the
 * submit button.
 */
export async function ReviewStep({
  application,
  round,
  locale,
}: {
  application: GrantApplication;
  round: GrantRound | null;
  locale: string;
}) {
  const t = await getTranslations('grantsMember');
  const format = await getLocalFormat();
  const { plan, budget, totals, attachments, id } = application;
  const amount = (minor: number) => formatMoney(locale, minor, application.currency);
  const empty = <span className="muted">{t('review.empty')}</span>;
  const text = (value: string | null | undefined) => (value ? value : empty);
  const section = (step: Step, children: React.ReactNode) => (
    <section className={`card ${styles.summary}`} aria-labelledby={`review-${step}`} data-review={step}>
      <h2 id={`review-${step}`}>
        {t(`steps.${step}`)}
        <Link href={`/my-cbo/grants/${id}?step=${step}`}>{t('review.change')}</Link>
      </h2>
      {children}
    </section>
  );
  const count = (value: number | null) => (value === null ? empty : format.number(value));

  return (
    <>
      {section(
        'plan',
        <dl className={styles.facts}>
          <dt>{t('fields.title')}</dt>
          <dd>{text(plan.title)}</dd>
          <dt>{t('fields.objectives')}</dt>
          <dd>{text(plan.objectives)}</dd>
          <dt>{t('fields.description')}</dt>
          <dd>{text(plan.description)}</dd>
          <dt>{t('fields.expectedResults')}</dt>
          <dd>{text(plan.expectedResults)}</dd>
        </dl>,
      )}
      {section(
        'place',
        <dl className={styles.facts}>
          <dt>{t('fields.provinceCode')}</dt>
          <dd>{plan.provinceCode ? provinceName(findProvince(plan.provinceCode), locale) : empty}</dd>
          <dt>{t('fields.place')}</dt>
          <dd>{text(plan.place)}</dd>
          <dt>{t('fields.startsOn')}</dt>
          <dd>{plan.startsOn ? day(format, plan.startsOn) : empty}</dd>
          <dt>{t('fields.endsOn')}</dt>
          <dd>{plan.endsOn ? day(format, plan.endsOn) : empty}</dd>
        </dl>,
      )}
      {section(
        'people',
        <dl className={styles.facts}>
          <dt>{t('fields.beneficiariesWomen')}</dt>
          <dd>{count(plan.beneficiariesWomen)}</dd>
          <dt>{t('fields.beneficiariesMen')}</dt>
          <dd>{count(plan.beneficiariesMen)}</dd>
        </dl>,
      )}
      {section(
        'budget',
        <>
          {budget.length === 0 ? (
            <p>{empty}</p>
          ) : (
            <div className="table-scroll">
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th>{t('fields.lineDescription')}</th>
                    <th className={styles.amount}>{t('budget.lineTotalHead')}</th>
                  </tr>
                </thead>
                <tbody>
                  {budget.map((line) => (
                    <tr key={line.id}>
                      <td>
                        {line.description}
                        <br />
                        <span className="muted">
                          {t(`categories.${line.category}`)} · {format.number(line.quantity)} ×{' '}
                          {amount(line.unitCost)}
                        </span>
                      </td>
                      <td className={styles.amount}>{amount(line.unitCost * line.quantity)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <dl className={styles.totals} data-review-totals>
            <div>
              <dt>{t('budget.total')}</dt>
              <dd>{amount(totals.total)}</dd>
            </div>
            <div>
              <dt>{t('budget.contribution')}</dt>
              <dd>{amount(totals.contribution)}</dd>
            </div>
            <div>
              <dt>{t('budget.requested')}</dt>
              <dd data-requested={totals.requested}>
                <strong>{amount(totals.requested)}</strong>
              </dd>
            </div>
          </dl>
          {round && (
            <p
              className={
                totals.requested > round.maxAmount || totals.requested < round.minAmount
                  ? 'notice error'
                  : 'hint'
              }
            >
              {t('budget.limits', { min: amount(round.minAmount), max: amount(round.maxAmount) })}
            </p>
          )}
        </>,
      )}
      {section(
        'files',
        attachments.length === 0 ? (
          <p>{t('files.none')}</p>
        ) : (
          <ul>
            {attachments.map((file) => (
              <li key={file.id}>
                {t(`files.kinds.${file.kind}`)}: {file.fileName}
              </li>
            ))}
          </ul>
        ),
      )}
      <section className="card" aria-labelledby="submit-title">
        <h2 id="submit-title">{t('review.submitTitle')}</h2>
        <p>{t('review.submitHint')}</p>
        <SubmitForm
          locale={locale}
          applicationId={id}
          version={application.version}
          idempotencyKey={randomUUID()}
          label={application.stage === 'returned' ? t('review.resubmit') : t('review.submit')}
        />
      </section>
    </>
  );
}
