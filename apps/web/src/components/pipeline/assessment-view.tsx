import { getTranslations } from 'next-intl/server';
import type { Assessment } from '@bandanh/contracts';
import styles from './pipeline.module.css';
import { getLocalFormat } from '@/i18n/local-format-server';

/** One needs assessment: each criterion's score and points, the total out of 100, and what was learnt. */
export async function AssessmentView({
  assessment,
  locale,
  assessedBy,
}: {
  assessment: Assessment;
  locale: string;
  assessedBy: string;
}) {
  const t = await getTranslations('pipeline.assessment');
  const format = await getLocalFormat();
  const number = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  return (
    <article className={styles.assessment} data-assessment-id={assessment.id}>
      <p className="muted">
        {t('by', {
          date: format.dateTime(new Date(assessment.assessedAt), { dateStyle: 'medium' }),
          name: assessedBy,
        })}
      </p>
      <p className={styles.total} data-total={assessment.total}>
        {t('total', { total: number(assessment.total) })}
      </p>
      <div className={styles.scroll}>
        <table className={styles.parts}>
          <thead>
            <tr>
              <th scope="col">{t('criterion')}</th>
              <th scope="col">{t('score')}</th>
              <th scope="col">{t('weightColumn')}</th>
              <th scope="col">{t('points')}</th>
            </tr>
          </thead>
          <tbody>
            {assessment.parts.map((part) => (
              <tr key={part.key} data-part={part.key}>
                <th scope="row">{locale === 'km' ? part.labelKm : part.labelEn}</th>
                <td>{t('outOf', { score: number(part.score), max: number(part.maxScore) })}</td>
                <td>{number(part.weight)}</td>
                <td>{number(part.points)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details>
        <summary>{t('details')}</summary>
        <dl className="facts">
          <dt>{t('members')}</dt>
          <dd>
            {t('membersCount', {
              women: number(assessment.membersWomen),
              men: number(assessment.membersMen),
            })}
          </dd>
          <dt>{t('ongoingActivities')}</dt>
          <dd>{assessment.ongoingActivities}</dd>
          <dt>{t('plannedActivities')}</dt>
          <dd>{assessment.plannedActivities}</dd>
          <dt>{t('ambitions')}</dt>
          <dd>{assessment.ambitions}</dd>
          <dt>{t('leadership')}</dt>
          <dd>{assessment.leadership}</dd>
          <dt>{t('meetingsHeld')}</dt>
          <dd>{number(assessment.meetingsHeld)}</dd>
          <dt>{t('recordsKeptShort')}</dt>
          <dd>{t(assessment.recordsKept ? 'yes' : 'no')}</dd>
          <dt>{t('registrationShort')}</dt>
          <dd>{t(`registrations.${assessment.registration}`)}</dd>
          <dt>{t('risks')}</dt>
          <dd>{assessment.risks}</dd>
        </dl>
      </details>
    </article>
  );
}
