'use client';

import { useTranslations } from 'next-intl';
import { TARGET_METRICS } from '@bandanh/contracts/constants';
import { saveTargets, type TargetsFormState } from '@/app/[locale]/(staff)/admin/programme/actions';
import {
  Choices,
  GroupError,
  SectionForm,
  SelectField,
  SubmitButton,
  TextField,
  useChoices,
} from '@/components/form-parts';
import { useFormAction } from '@/components/use-form-action';
import { AddRows, RemoveRow } from './add-rows';
import type { TargetRow } from './settings-draft';
import styles from './programme-settings.module.css';

interface Props {
  locale: string;
  values: TargetRow[];
  /** How many targets there are now; the rows after them are blank, to add one. */
  saved: number;
  provinces: Array<{ code: string; name: string }>;
}

/** Whether anything was typed in a row (its metric has a default). */
const typed = (row: TargetRow) =>
  [row.labelEn, row.labelKm, row.count, row.dueOn].some(Boolean) || row.provinces.length > 0;

/** The targets, one row each (and blank rows to add one); a target counts every province unless some are ticked. */
export function TargetsForm({ locale, values, saved, provinces }: Props) {
  const t = useTranslations('programmeSettings');
  const metrics = useChoices(TARGET_METRICS, 'expansion.metrics');
  const initial: TargetsFormState = { key: '', values, errors: {} };
  const form = useFormAction(saveTargets, initial, `/${locale}/admin/programme`);
  const { state } = form;
  const names = new Map(provinces.map((p) => [p.code, p.name]));
  const rows = state.values;
  const hasError = (prefix: string) => Object.keys(state.errors).some((field) => field.startsWith(prefix));
  const target = (row: TargetRow, i: number) => {
    const name = (field: string) => `target.${i}.${field}`;
    const chosen = row.provinces.map((code) => names.get(code) ?? code);
    return (
      <fieldset key={i} className={styles.row} data-target-row={i}>
        <legend>{i < saved ? t('target', { n: i + 1 }) : t('newTarget')}</legend>
        <div className={styles.grid}>
          <TextField
            name={name('labelEn')}
            label={t('targetFields.labelEn')}
            fieldClassName={styles.wide}
            defaultValue={row.labelEn}
            maxLength={200}
          />
          <TextField
            name={name('labelKm')}
            label={t('targetFields.labelKm')}
            fieldClassName={styles.wide}
            defaultValue={row.labelKm}
            maxLength={200}
            lang="km"
          />
        </div>
        <div className={styles.grid}>
          <SelectField
            name={name('metric')}
            label={t('targetFields.metric')}
            defaultValue={row.metric}
            choices={metrics}
          />
          <TextField
            name={name('count')}
            label={t('targetFields.count')}
            type="number"
            inputMode="numeric"
            min={1}
            max={100000}
            defaultValue={row.count}
          />
          <TextField
            name={name('dueOn')}
            label={t('targetFields.dueOn')}
            type="date"
            defaultValue={row.dueOn}
          />
        </div>
        <details className={styles.provinces} open={Boolean(state.errors[name('provinces')]) || undefined}>
          <summary>
            {chosen.length > 0
              ? t('targetProvincesSome', { provinces: chosen.join(', ') })
              : t('targetProvincesAll')}
          </summary>
          <Choices
            name={name('provinces')}
            legend={t('targetFields.provinces')}
            choices={provinces.map((province) => ({ value: province.code, label: province.name }))}
            checked={(code) => row.provinces.includes(code)}
          />
        </details>
        {i < saved && <RemoveRow name={name('remove')} label={t('removeTarget')} checked={row.remove} />}
      </fieldset>
    );
  };

  return (
    <SectionForm
      form={form}
      section="programmeSettings"
      hiddenFields={{ locale, targetRows: rows.length }}
      className="card"
      data-targets-form
    >
      <GroupError name="targets" className={styles.groupError} />

      {rows.slice(0, saved).map(target)}
      <AddRows
        label={t('addTargets')}
        open={rows.slice(saved).some((row, i) => typed(row) || hasError(`target.${saved + i}.`))}
      >
        {rows.slice(saved).map((row, i) => target(row, saved + i))}
      </AddRows>

      <SubmitButton pending={form.pending} label={t('saveTargets')} busy={t('saving')} />
    </SectionForm>
  );
}
