'use client';

import { useTranslations } from 'next-intl';
import { saveSettings, type SettingsFormState } from '@/app/[locale]/(staff)/admin/programme/actions';
import { UNOPENED_PROVINCE_POLICIES } from '@bandanh/contracts/constants';
import { GroupError, SectionForm, SelectField, SubmitButton, TextField } from '@/components/form-parts';
import { useFormAction } from '@/components/use-form-action';
import { AddRows, RemoveRow } from './add-rows';
import type { CriterionRow, SettingsValues } from './settings-draft';
import styles from './programme-settings.module.css';

interface Props {
  locale: string;
  values: SettingsValues;
  /** How many criteria the rubric has now; the rows after them are blank, to add one. */
  saved: number;
}

/** Whether anything was typed in a row. */
const typed = (row: CriterionRow) =>
  [row.key, row.labelEn, row.labelKm, row.weight, row.maxScore].some(Boolean);

const CRITERION = [
  { field: 'key', type: 'text', maxLength: 40 },
  { field: 'weight', type: 'number', min: 1, max: 100 },
  { field: 'maxScore', type: 'number', min: 1, max: 10 },
  { field: 'labelEn', type: 'text', maxLength: 120 },
  { field: 'labelKm', type: 'text', maxLength: 120 },
] as const;

/** The pilot rule, the waiting time and the rubric, one row per criterion (and blank rows to add one). */
export function SettingsForm({ locale, values, saved }: Props) {
  const t = useTranslations('programmeSettings');
  const initial: SettingsFormState = { key: '', values, errors: {} };
  const form = useFormAction(saveSettings, initial, `/${locale}/admin/programme`);
  const { state } = form;
  const rows = state.values.rubric;
  const hasError = (prefix: string) => Object.keys(state.errors).some((field) => field.startsWith(prefix));
  const criterion = (row: CriterionRow, i: number) => (
    <fieldset key={i} className={styles.row} data-rubric-row={i}>
      <legend>{i < saved ? t('criterion', { n: i + 1 }) : t('newCriterion')}</legend>
      <div className={styles.criterion}>
        {CRITERION.map(({ field, ...input }) => (
          <TextField
            key={field}
            fieldClassName={field === 'labelEn' || field === 'labelKm' ? styles.wide : undefined}
            name={`rubric.${i}.${field}`}
            label={t(`criterionFields.${field}`)}
            {...input}
            inputMode={input.type === 'number' ? 'numeric' : undefined}
            defaultValue={row[field]}
            lang={field === 'labelKm' ? 'km' : undefined}
          />
        ))}
      </div>
      {i < saved && (
        <RemoveRow name={`rubric.${i}.remove`} label={t('removeCriterion')} checked={row.remove} />
      )}
    </fieldset>
  );

  return (
    <SectionForm
      form={form}
      section="programmeSettings"
      hiddenFields={{ locale, rubricRows: rows.length }}
      className="card"
      data-settings-form
    >
      <div className="field">
        <label className={styles.check}>
          <input
            type="checkbox"
            id="pilotDeclinesDevelopment"
            name="pilotDeclinesDevelopment"
            value="on"
            defaultChecked={state.values.pilotDeclinesDevelopment}
            aria-describedby="pilotDeclinesDevelopment-hint"
          />
          {t('pilotRule')}
        </label>
        <span className="hint" id="pilotDeclinesDevelopment-hint">
          {t('pilotRuleHint')}
        </span>
      </div>
      <TextField
        name="reassessmentWaitDays"
        label={t('waitDays')}
        hint={t('waitDaysHint')}
        type="number"
        inputMode="numeric"
        min={0}
        max={3650}
        defaultValue={state.values.reassessmentWaitDays}
      />
      <SelectField
        name="unopenedProvinces"
        label={t('unopenedProvinces')}
        hint={t('unopenedProvincesHint')}
        defaultValue={state.values.unopenedProvinces}
        choices={UNOPENED_PROVINCE_POLICIES.map((value) => ({ value, label: t(`unopenedPolicy.${value}`) }))}
      />

      <fieldset className={styles.group} data-rubric>
        <legend>{t('rubric')}</legend>
        <p className="hint">{t('rubricHint')}</p>
        <GroupError name="rubric" className={styles.groupError} />
        {rows.slice(0, saved).map(criterion)}
        <AddRows
          label={t('addCriteria')}
          open={rows.slice(saved).some((row, i) => typed(row) || hasError(`rubric.${saved + i}.`))}
        >
          {rows.slice(saved).map((row, i) => criterion(row, saved + i))}
        </AddRows>
      </fieldset>

      <SubmitButton pending={form.pending} label={t('saveSettings')} busy={t('saving')} />
    </SectionForm>
  );
}
