'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { RubricCriterion } from '@bandanh/contracts';
import { REGISTRATION_STATUSES } from '@bandanh/contracts/constants';
import { assessCbo, type StepState } from '@/app/[locale]/(staff)/cbos/[id]/actions';
import {
  Choices,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useChoices,
} from '@/components/form-parts';
import { useFormAction } from '@/components/use-form-action';
import { ASSESSMENT_COUNTS, ASSESSMENT_TEXTS } from '@/lib/form-errors';
import styles from './pipeline.module.css';
import { StepForm } from './step-parts';

/**
 * The needs assessment: what the assessor learnt of the group, and a score for each criterion
 * of the rubric in force, labelled in the reader's language with its weight.
 */
export function AssessmentForm({
  cboId,
  rubric,
  membersCount = null,
}: {
  cboId: string;
  rubric: RubricCriterion[];
  /** The members recorded on the CBO: women and men must add up to it, or the assessor says it changed. */
  membersCount?: number | null;
}) {
  const t = useTranslations('pipeline.assessment');
  const locale = useLocale();
  const registrations = useChoices(REGISTRATION_STATUSES, 'pipeline.assessment.registrations');
  const initial: StepState = { cboId, values: {}, fieldErrors: {} };
  const form = useFormAction(assessCbo, initial, `/${locale}/cbos/${cboId}`);
  const value = (name: string) => form.state.values[name] ?? '';
  // What the women and men typed add up to, once both are numbers (after a refused send).
  const typed = [value('membersWomen'), value('membersMen')].map((n) =>
    /^\d+$/.test(n.trim()) ? Number(n) : NaN,
  );
  const counted = typed.every(Number.isFinite) ? typed[0] + typed[1] : undefined;

  const count = (name: (typeof ASSESSMENT_COUNTS)[number]) => (
    <TextField
      key={name}
      name={name}
      label={t(name)}
      type="number"
      inputMode="numeric"
      min={0}
      max={100000}
      defaultValue={value(name)}
    />
  );
  const text = (name: (typeof ASSESSMENT_TEXTS)[number]) => (
    <TextAreaField
      key={name}
      name={name}
      label={t(name)}
      hint={t(`${name}Hint`)}
      rows={3}
      maxLength={2000}
      defaultValue={value(name)}
    />
  );

  return (
    <StepForm
      form={form}
      cboId={cboId}
      className={styles.step}
      data-assessment-form
      title={t('title')}
      titleId="assessment-title"
      intro={<p className="muted">{t('intro')}</p>}
    >
      <input type="hidden" name="criteria" value={rubric.map((criterion) => criterion.key).join(',')} />

      <div className={styles.columns}>{ASSESSMENT_COUNTS.slice(0, 2).map(count)}</div>
      {membersCount !== null && (
        <div className="field" data-members-count={membersCount}>
          <span className="hint" id="members-recorded">
            {t('membersRecorded', { count: membersCount })}
          </span>
          <label className={styles.check}>
            <input
              type="checkbox"
              name="updateMembersCount"
              aria-describedby="members-recorded"
              defaultChecked={value('updateMembersCount') === 'on'}
            />
            {counted === undefined
              ? t('updateMembersCount')
              : t('updateMembersCountTo', { from: membersCount, to: counted })}
          </label>
        </div>
      )}
      {ASSESSMENT_TEXTS.slice(0, 4).map(text)}
      {count('meetingsHeld')}
      <label className={styles.check}>
        <input type="checkbox" name="recordsKept" defaultChecked={value('recordsKept') === 'on'} />
        {t('recordsKept')}
      </label>
      <SelectField
        name="registration"
        label={t('registration')}
        hint={t('registrationHint')}
        defaultValue={value('registration')}
        placeholder=""
        choices={registrations}
      />
      {text('risks')}

      <h4>{t('scoresTitle')}</h4>
      <p className="hint">{t('scoresIntro')}</p>
      {rubric.map((criterion) => {
        const name = `score.${criterion.key}`;
        return (
          <Choices
            key={criterion.key}
            name={name}
            legend={
              <>
                {locale === 'km' ? criterion.labelKm : criterion.labelEn}{' '}
                <span className={styles.weight}>{t('weight', { weight: criterion.weight })}</span>
              </>
            }
            hint={t('scale', { max: criterion.maxScore })}
            hintClassName={styles.scale}
            data-criterion={criterion.key}
            type="radio"
            choices={Array.from({ length: criterion.maxScore + 1 }, (_, score) => ({
              value: String(score),
              label: score,
            }))}
            checked={(score) => value(name) === score}
          />
        );
      })}

      <SubmitButton pending={form.pending} label={t('submit')} busy={t('saving')} />
    </StepForm>
  );
}
