'use client';

import { useTranslations } from 'next-intl';
import { saveRound, type RoundFormState } from '@/app/[locale]/(staff)/grants/rounds/actions';
import {
  Choices,
  GroupError,
  SectionForm,
  SelectField,
  TextField,
  type Choice,
} from '@/components/form-parts';
import { useFormAction } from '@/components/use-form-action';
import { APPROVAL_ROLES, GRANT_CURRENCIES } from './constants';
import { fromMinor } from './money';
import { MAX_CRITERIA, MAX_STEPS, type RoundValues } from './round-draft';
import styles from './grants.module.css';

interface Props {
  locale: string;
  idempotencyKey: string;
  values: RoundValues;
  /** The round being changed; none to open a new one. */
  roundId?: string;
  provinces: readonly Choice[];
  focusIssues: readonly Choice[];
  /** The approval roles' names, by role. */
  roleNames: Record<string, string>;
}

const CRITERION_FIELDS = [
  { field: 'key', maxLength: 40 },
  { field: 'weight', inputMode: 'numeric' },
  { field: 'maxScore', inputMode: 'numeric' },
  { field: 'labelKm', maxLength: 200, wide: true },
  { field: 'labelEn', maxLength: 200, wide: true },
] as const;

/**
 * Every setting of a grant round, in one plain form that works before JavaScript: amounts with
 * two decimals, dates and times in Phnom Penh time, the rubric and the approval chain as rows
 * that buttons add and remove (each press comes back with the rows changed).
 */
export function RoundForm({
  locale,
  idempotencyKey,
  values,
  roundId,
  provinces,
  focusIssues,
  roleNames,
}: Props) {
  const t = useTranslations('grants.round');
  const initial: RoundFormState = { key: idempotencyKey, roundId, values, errors: {} };
  const permalink = roundId ? `/${locale}/grants/rounds/${roundId}/edit` : `/${locale}/grants/rounds/new`;
  const form = useFormAction(saveRound, initial, permalink);
  const { state } = form;
  const v = state.values;
  const roles: Choice[] = APPROVAL_ROLES.map((role) => ({ value: role, label: roleNames[role] ?? role }));

  return (
    <SectionForm
      form={form}
      section="grants.round"
      hiddenFields={{
        locale,
        idempotencyKey: state.key,
        roundId,
        rubricRows: v.rubric.length,
        chainRows: v.approvalChain.length,
      }}
      className="card"
      requiredText={t('required')}
      data-round-form
    >
      {/* Enter in a field saves (the first submit button of a form is the one Enter presses). */}
      <button type="submit" name="intent" value="save" className="sr-only" tabIndex={-1} aria-hidden="true">
        {t('save')}
      </button>
      {state.committed !== undefined && (
        <p className="hint" data-committed={state.committed}>
          {t('committedHint', { amount: `${fromMinor(state.committed)} ${v.currency}` })}
        </p>
      )}
      <fieldset className={styles.group}>
        <legend>{t('nameLegend')}</legend>
        <TextField
          name="nameKm"
          label={t('nameKm')}
          defaultValue={v.nameKm}
          maxLength={200}
          lang="km"
          required
        />
        <TextField
          name="nameEn"
          label={t('nameEn')}
          defaultValue={v.nameEn}
          maxLength={200}
          lang="en"
          required
        />
      </fieldset>

      <fieldset className={styles.group}>
        <legend>{t('moneyLegend')}</legend>
        <p className="hint">{t('moneyHint')}</p>
        <div className={styles.columns}>
          <SelectField
            name="currency"
            label={t('currency')}
            choices={GRANT_CURRENCIES.map((currency) => ({
              value: currency,
              label: t(`currencies.${currency}`),
            }))}
            defaultValue={v.currency}
            required
          />
          <TextField name="budget" label={t('budget')} inputMode="decimal" defaultValue={v.budget} required />
          <TextField
            name="minAmount"
            label={t('minAmount')}
            inputMode="decimal"
            defaultValue={v.minAmount}
            required
          />
          <TextField
            name="maxAmount"
            label={t('maxAmount')}
            inputMode="decimal"
            defaultValue={v.maxAmount}
            required
          />
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend>{t('datesLegend')}</legend>
        <p className="hint">{t('timeZone')}</p>
        <div className={styles.columns}>
          <TextField
            name="opensDate"
            type="date"
            label={t('opensDate')}
            defaultValue={v.opensDate}
            required
          />
          <TextField
            name="opensTime"
            type="time"
            label={t('opensTime')}
            defaultValue={v.opensTime}
            required
          />
          <TextField
            name="closesDate"
            type="date"
            label={t('closesDate')}
            defaultValue={v.closesDate}
            required
          />
          <TextField
            name="closesTime"
            type="time"
            label={t('closesTime')}
            defaultValue={v.closesTime}
            required
          />
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend>{t('whoLegend')}</legend>
        <p className="hint">{t('whoHint')}</p>
        <Choices
          name="provinceCodes"
          legend={t('provinces')}
          hint={t('allWhenEmpty')}
          className={`checks ${styles.many}`}
          idPrefix="province"
          choices={provinces}
          checked={(value) => v.provinceCodes.includes(value)}
        />
        <Choices
          name="focusIssues"
          legend={t('focusIssues')}
          hint={t('allWhenEmpty')}
          idPrefix="issue"
          choices={focusIssues}
          checked={(value) => v.focusIssues.includes(value)}
        />
      </fieldset>

      <fieldset className={styles.group} data-rubric>
        <legend>{t('rubricLegend')}</legend>
        <p className="hint">{t('rubricHint')}</p>
        <GroupError name="rubric" className="error" />
        {v.rubric.map((row, i) => (
          <fieldset key={row.uid} className={styles.row} data-rubric-row={i}>
            <legend>{t('criterion', { n: i + 1 })}</legend>
            <input type="hidden" name={`rubric.${i}.uid`} value={row.uid} />
            <div className={styles.rowFields}>
              {CRITERION_FIELDS.map(({ field, ...input }) => (
                <TextField
                  key={field}
                  name={`rubric.${i}.${field}`}
                  label={t(`criterionFields.${field}`)}
                  defaultValue={row[field]}
                  fieldClassName={'wide' in input ? styles.wide : undefined}
                  lang={field === 'labelKm' ? 'km' : field === 'labelEn' ? 'en' : undefined}
                  maxLength={'maxLength' in input ? input.maxLength : undefined}
                  inputMode={'inputMode' in input ? input.inputMode : undefined}
                  required
                />
              ))}
            </div>
            {v.rubric.length > 1 && (
              <button
                type="submit"
                name="intent"
                value={`removeCriterion.${i}`}
                className="secondary"
                data-remove-criterion={i}
              >
                {t('removeCriterion', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        {v.rubric.length < MAX_CRITERIA && (
          <button type="submit" name="intent" value="addCriterion" className="secondary" data-add-criterion>
            {t('addCriterion')}
          </button>
        )}
      </fieldset>

      <fieldset className={styles.group}>
        <legend>{t('reviewLegend')}</legend>
        <TextField
          name="reviewersPerApplication"
          label={t('reviewersPerApplication')}
          inputMode="numeric"
          defaultValue={v.reviewersPerApplication}
          hint={t('reviewersHint')}
          required
        />
        <div className="field">
          <label className={styles.check}>
            <input
              type="checkbox"
              name="blindReview"
              value="on"
              defaultChecked={v.blindReview}
              aria-describedby="blindReview-hint"
            />
            {t('blindReview')}
          </label>
          <span className="hint" id="blindReview-hint">
            {t('blindHint')}
          </span>
        </div>
      </fieldset>

      <fieldset className={styles.group} data-chain>
        <legend>{t('chainLegend')}</legend>
        <p className="hint">{t('chainHint')}</p>
        <GroupError name="approvalChain" className="error" />
        {v.approvalChain.map((row, i) => (
          <fieldset key={row.uid} className={styles.row} data-chain-row={i}>
            <legend>{t('step', { n: i + 1 })}</legend>
            <input type="hidden" name={`approvalChain.${i}.uid`} value={row.uid} />
            <div className={styles.rowFields}>
              <SelectField
                name={`approvalChain.${i}.role`}
                label={t('stepRole')}
                placeholder={t('choose')}
                choices={roles}
                defaultValue={row.role}
                required
              />
              <TextField
                name={`approvalChain.${i}.aboveAmount`}
                label={t('stepAbove')}
                inputMode="decimal"
                defaultValue={row.aboveAmount}
                required
              />
            </div>
            {v.approvalChain.length > 1 && (
              <button
                type="submit"
                name="intent"
                value={`removeStep.${i}`}
                className="secondary"
                data-remove-step={i}
              >
                {t('removeStep', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        {v.approvalChain.length < MAX_STEPS && (
          <button type="submit" name="intent" value="addStep" className="secondary" data-add-step>
            {t('addStep')}
          </button>
        )}
      </fieldset>

      <div className="actions">
        <button
          type="submit"
          name="intent"
          value="save"
          className="primary"
          disabled={form.pending}
          data-save-round
        >
          {form.pending ? t('saving') : roundId ? t('saveChanges') : t('open')}
        </button>
      </div>
    </SectionForm>
  );
}
