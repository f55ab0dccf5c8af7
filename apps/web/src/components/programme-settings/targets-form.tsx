'use client';

import { useTranslations } from 'next-intl';
import { TARGET_METRICS } from '@bandanh/contracts';
import { saveTargets, type TargetsFormState } from '@/app/[locale]/(staff)/admin/programme/actions';
import { useFormAction } from '@/components/use-form-action';
import { Choices, Field, FormMessage } from './field';
import { AddRows } from './add-rows';
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
  const catalog = useTranslations();
  const initial: TargetsFormState = { key: '', values, errors: {} };
  const { state, formAction, pending, onSubmit } = useFormAction(
    saveTargets,
    initial,
    `/${locale}/admin/programme`,
  );
  const error = (field: string) =>
    state.errors[field] ? t(`fieldErrors.${state.errors[field]}`) : undefined;
  const names = new Map(provinces.map((p) => [p.code, p.name]));
  const rows = state.values;
  const hasError = (prefix: string) => Object.keys(state.errors).some((field) => field.startsWith(prefix));
  const target = (row: TargetRow, i: number) => {
    const field = (name: string) => ({ id: `target-${i}-${name}`, error: error(`target.${i}.${name}`) });
    const chosen = row.provinces.map((code) => names.get(code) ?? code);
    return (
      <fieldset key={i} className={styles.row} data-target-row={i}>
        <legend>{i < saved ? t('target', { n: i + 1 }) : t('newTarget')}</legend>
        <div className={styles.grid}>
          <Field {...field('labelEn')} label={t('targetFields.labelEn')} className={styles.wide}>
            {(wiring) => (
              <input {...wiring} name={`target.${i}.labelEn`} defaultValue={row.labelEn} maxLength={200} />
            )}
          </Field>
          <Field {...field('labelKm')} label={t('targetFields.labelKm')} className={styles.wide}>
            {(wiring) => (
              <input
                {...wiring}
                name={`target.${i}.labelKm`}
                defaultValue={row.labelKm}
                maxLength={200}
                lang="km"
              />
            )}
          </Field>
        </div>
        <div className={styles.grid}>
          <Field {...field('metric')} label={t('targetFields.metric')}>
            {(wiring) => (
              <select {...wiring} name={`target.${i}.metric`} defaultValue={row.metric}>
                {TARGET_METRICS.map((metric) => (
                  <option key={metric} value={metric}>
                    {catalog(`expansion.metrics.${metric}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field {...field('count')} label={t('targetFields.count')}>
            {(wiring) => (
              <input
                {...wiring}
                type="number"
                inputMode="numeric"
                min={1}
                max={100000}
                name={`target.${i}.count`}
                defaultValue={row.count}
              />
            )}
          </Field>
          <Field {...field('dueOn')} label={t('targetFields.dueOn')}>
            {(wiring) => (
              <input {...wiring} type="date" name={`target.${i}.dueOn`} defaultValue={row.dueOn} />
            )}
          </Field>
        </div>
        <details className={styles.provinces} open={Boolean(field('provinces').error) || undefined}>
          <summary>
            {chosen.length > 0
              ? t('targetProvincesSome', { provinces: chosen.join(', ') })
              : t('targetProvincesAll')}
          </summary>
          <Choices {...field('provinces')} legend={t('targetFields.provinces')}>
            {provinces.map((province) => (
              <label key={province.code}>
                <input
                  type="checkbox"
                  name={`target.${i}.provinces`}
                  value={province.code}
                  defaultChecked={row.provinces.includes(province.code)}
                />
                {province.name}
              </label>
            ))}
          </Choices>
        </details>
        {i < saved && (
          <label className={styles.remove}>
            <input type="checkbox" name={`target.${i}.remove`} value="on" defaultChecked={row.remove} />
            {t('removeTarget')}
          </label>
        )}
      </fieldset>
    );
  };

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="card" data-targets-form>
      <FormMessage message={state.formError && t(`errors.${state.formError}`)} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="targetRows" value={rows.length} />
      {error('targets') && (
        <p className={styles.groupError} role="alert">
          {error('targets')}
        </p>
      )}

      {rows.slice(0, saved).map(target)}
      <AddRows
        label={t('addTargets')}
        open={rows.slice(saved).some((row, i) => typed(row) || hasError(`target.${saved + i}.`))}
      >
        {rows.slice(saved).map((row, i) => target(row, saved + i))}
      </AddRows>

      <button className="primary" type="submit" disabled={pending}>
        {pending ? t('saving') : t('saveTargets')}
      </button>
    </form>
  );
}
