'use client';

import { useLocale, useTranslations } from 'next-intl';
import { REGISTRATION_STATUSES, type RubricCriterion } from '@bandanh/contracts';
import { assessCbo, type StepState } from '@/app/[locale]/(staff)/cbos/[id]/actions';
import { ASSESSMENT_COUNTS, ASSESSMENT_TEXTS } from '@/lib/form-errors';
import { useFormAction } from '@/components/use-form-action';
import styles from './pipeline.module.css';
import { StepError, StepFields, useFieldError } from './step-parts';

/**
 * The needs assessment: what the assessor learnt of the group, and a score for each criterion
 * of the rubric in force, labelled in the reader's language with its weight.
 */
export function AssessmentForm({ cboId, rubric }: { cboId: string; rubric: RubricCriterion[] }) {
  const t = useTranslations('pipeline.assessment');
  const locale = useLocale();
  const initial: StepState = { cboId, values: {}, fieldErrors: {} };
  const { state, formAction, pending, onSubmit } = useFormAction(
    assessCbo,
    initial,
    `/${locale}/cbos/${cboId}`,
  );
  const fieldError = useFieldError(state);
  const value = (name: string) => state.values[name] ?? '';

  const count = (name: (typeof ASSESSMENT_COUNTS)[number]) => {
    const { wiring, message } = fieldError(name, name);
    return (
      <div className="field" key={name}>
        <label htmlFor={name}>{t(name)}</label>
        <input
          id={name}
          name={name}
          type="number"
          inputMode="numeric"
          min={0}
          max={100000}
          defaultValue={value(name)}
          {...wiring}
        />
        {message}
      </div>
    );
  };
  const text = (name: (typeof ASSESSMENT_TEXTS)[number]) => {
    const { wiring, message } = fieldError(name, name, true);
    return (
      <div className="field" key={name}>
        <label htmlFor={name}>{t(name)}</label>
        <textarea id={name} name={name} rows={3} maxLength={2000} defaultValue={value(name)} {...wiring} />
        <span className="hint" id={`${name}-hint`}>
          {t(`${name}Hint`)}
        </span>
        {message}
      </div>
    );
  };
  const registration = fieldError('registration', 'registration', true);

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className={styles.step}
      data-assessment-form
      aria-labelledby="assessment-title"
    >
      <h3 id="assessment-title">{t('title')}</h3>
      <p className="muted">{t('intro')}</p>
      <StepError state={state} />
      <StepFields locale={locale} cboId={cboId} />
      <input type="hidden" name="criteria" value={rubric.map((criterion) => criterion.key).join(',')} />

      <div className={styles.columns}>{ASSESSMENT_COUNTS.slice(0, 2).map(count)}</div>
      {ASSESSMENT_TEXTS.slice(0, 4).map(text)}
      {count('meetingsHeld')}
      <label className={styles.check}>
        <input type="checkbox" name="recordsKept" defaultChecked={value('recordsKept') === 'on'} />
        {t('recordsKept')}
      </label>
      <div className="field">
        <label htmlFor="registration">{t('registration')}</label>
        <select
          id="registration"
          name="registration"
          defaultValue={value('registration')}
          {...registration.wiring}
        >
          <option value="" />
          {REGISTRATION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`registrations.${status}`)}
            </option>
          ))}
        </select>
        <span className="hint" id="registration-hint">
          {t('registrationHint')}
        </span>
        {registration.message}
      </div>
      {text('risks')}

      <h4>{t('scoresTitle')}</h4>
      <p className="hint">{t('scoresIntro')}</p>
      {rubric.map((criterion) => {
        const name = `score.${criterion.key}`;
        const id = `score-${criterion.key}`;
        const { wiring, message } = fieldError(id, name);
        return (
          <fieldset
            key={criterion.key}
            className="checks"
            aria-invalid={wiring['aria-invalid']}
            aria-describedby={wiring['aria-describedby']}
            data-criterion={criterion.key}
          >
            <legend>
              {locale === 'km' ? criterion.labelKm : criterion.labelEn}{' '}
              <span className={styles.weight}>{t('weight', { weight: criterion.weight })}</span>
            </legend>
            {Array.from({ length: criterion.maxScore + 1 }, (_, score) => (
              <label key={score}>
                <input
                  type="radio"
                  name={name}
                  value={score}
                  defaultChecked={value(name) === String(score)}
                />
                {score}
              </label>
            ))}
            <span className={styles.scale}>{t('scale', { max: criterion.maxScore })}</span>
            {message}
          </fieldset>
        );
      })}

      <button className="primary" type="submit" disabled={pending}>
        {pending ? t('saving') : t('submit')}
      </button>
    </form>
  );
}
