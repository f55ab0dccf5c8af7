'use client';

import { useTranslations } from 'next-intl';
import {
  declareConflict,
  scoreApplication,
} from '@/app/[locale]/(staff)/grants/reviews/[applicationId]/actions';
import { Choices, TextAreaField } from '@/components/form-parts';
import { useLocalFormat } from '@/i18n/use-local-format';
import { StepForm } from './step-forms';
import styles from './grants.module.css';

interface Common {
  locale: string;
  applicationId: string;
  currency: string;
}

/**
 * The declaration a reviewer makes before the application opens: no conflict of interest with
 * the applicant, or a conflict, said in a few words (the review then goes to someone else).
 */
export function DeclarationForm({ locale, applicationId, currency }: Common) {
  const t = useTranslations('grants.declaration');
  return (
    <StepForm
      action={declareConflict}
      initial={{ conflict: '', note: '' }}
      permalink={`/${locale}/grants/reviews/${applicationId}`}
      currency={currency}
      hidden={{ locale, applicationId }}
      submit={{ label: t('submit'), busy: t('working') }}
      className="card"
      data-declaration-form
    >
      {(state) => (
        <>
          <Choices
            name="conflict"
            type="radio"
            legend={t('legend')}
            idPrefix="declare"
            choices={[
              { value: 'none', label: t('none') },
              { value: 'conflict', label: t('conflict') },
            ]}
            checked={(value) => value === state.values.conflict}
            required
          />
          <TextAreaField
            name="note"
            id="declare-note"
            label={t('note')}
            hint={t('noteHint')}
            defaultValue={state.values.note}
            maxLength={1000}
            rows={2}
          />
        </>
      )}
    </StepForm>
  );
}

export interface CriterionRow {
  key: string;
  label: string;
  weight: number;
  maxScore: number;
}

/** The scoring form: each criterion's score from 0 to its top (radio buttons), a comment each, and an overall comment. */
export function ScoreForm({
  locale,
  applicationId,
  currency,
  criteria,
}: Common & { criteria: CriterionRow[] }) {
  const t = useTranslations('grants.scoreForm');
  const fieldErrors = useTranslations('grants.step.fieldErrors');
  const format = useLocalFormat();
  return (
    <StepForm
      action={scoreApplication}
      initial={{}}
      permalink={`/${locale}/grants/reviews/${applicationId}`}
      currency={currency}
      hidden={{ locale, applicationId }}
      submit={{ label: t('submit'), busy: t('working') }}
      className="card"
      data-score-form
    >
      {(state) => (
        <>
          {criteria.map((criterion) => {
            const name = `score.${criterion.key}`;
            const error = state.errors[name];
            return (
              <div key={criterion.key} className={styles.criterion} data-criterion={criterion.key}>
                <input type="hidden" name="criterion" value={criterion.key} />
                <input type="hidden" name={`max.${criterion.key}`} value={criterion.maxScore} />
                <fieldset
                  className={styles.scoreChoices}
                  aria-invalid={Boolean(error)}
                  aria-describedby={error ? `${criterion.key}-error` : undefined}
                >
                  <legend>
                    <strong>{criterion.label}</strong>{' '}
                    <span className="muted">
                      {t('scale', {
                        max: format.number(criterion.maxScore),
                        weight: format.number(criterion.weight),
                      })}
                    </span>
                  </legend>
                  {Array.from({ length: criterion.maxScore + 1 }, (_, n) => (
                    <label key={n}>
                      <input
                        type="radio"
                        name={name}
                        value={n}
                        defaultChecked={state.values[name] === String(n)}
                      />
                      {format.number(n)}
                    </label>
                  ))}
                  {error && (
                    <span className="error" id={`${criterion.key}-error`}>
                      {fieldErrors(error)}
                    </span>
                  )}
                </fieldset>
                <TextAreaField
                  name={`comment.${criterion.key}`}
                  id={`comment-${criterion.key}`}
                  label={t('criterionComment', { criterion: criterion.label })}
                  defaultValue={state.values[`comment.${criterion.key}`]}
                  maxLength={2000}
                  rows={2}
                />
              </div>
            );
          })}
          <TextAreaField
            name="comment"
            id="overall-comment"
            label={t('comment')}
            hint={t('commentHint')}
            defaultValue={state.values.comment}
            maxLength={4000}
            rows={4}
          />
        </>
      )}
    </StepForm>
  );
}
