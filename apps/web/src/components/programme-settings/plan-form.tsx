'use client';

import { useTranslations } from 'next-intl';
import { savePlan, type PlanFormState } from '@/app/[locale]/(staff)/admin/programme/actions';
import { useFormAction } from '@/components/use-form-action';
import { Field, FormMessage } from './field';
import { AddRows } from './add-rows';
import type { PhaseRow, PlanValues } from './settings-draft';
import styles from './programme-settings.module.css';

interface Props {
  locale: string;
  values: PlanValues;
  /** How many phases the plan has now; the rows after them are blank, to add one. */
  saved: number;
  /** Each phase already open: when it opened, in the reader's language (by row). */
  openedOn: Record<number, string>;
  provinces: Array<{ code: string; name: string }>;
}

/**
 * The plan: when each phase opens, and which phase opens each province (one choice per province,
 * so no province can be in two phases). A phase already open is shown, not offered.
 */
export function PlanForm({ locale, values, saved, openedOn, provinces }: Props) {
  const t = useTranslations('programmeSettings');
  const initial: PlanFormState = { key: '', values, errors: {} };
  const { state, formAction, pending, onSubmit } = useFormAction(
    savePlan,
    initial,
    `/${locale}/admin/programme`,
  );
  const error = (field: string) =>
    state.errors[field] ? t(`fieldErrors.${state.errors[field]}`) : undefined;
  const rows = state.values.phases;
  const phase = (row: PhaseRow, i: number) =>
    row.open ? (
      <p key={i} className={styles.openPhase} data-phase-row={i} data-open>
        <strong>{t('phase', { n: i + 1 })}</strong>: {t('phaseOpened', { date: openedOn[i] ?? '' })}
        <input type="hidden" name={`phase.${i}.open`} value="1" />
        <input type="hidden" name={`phase.${i}.opensOn`} value={row.opensOn} />
      </p>
    ) : (
      <Field
        key={i}
        id={`phase-${i}`}
        label={t(i < saved ? 'phaseOpensOn' : 'newPhaseOpensOn', { n: i + 1 })}
        className={styles.inline}
        error={error(`phase.${i}`)}
      >
        {(wiring) => <input {...wiring} type="date" name={`phase.${i}.opensOn`} defaultValue={row.opensOn} />}
      </Field>
    );

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="card" data-plan-form>
      <FormMessage message={state.formError && t(`errors.${state.formError}`)} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="phaseRows" value={rows.length} />
      {error('plan') && (
        <p className={styles.groupError} role="alert">
          {error('plan')}
        </p>
      )}

      <fieldset className={styles.group}>
        <legend>{t('phaseDates')}</legend>
        {rows.slice(0, saved).map(phase)}
        <AddRows
          label={t('addPhases')}
          open={rows
            .slice(saved)
            .some((row, i) => row.opensOn !== '' || Boolean(state.errors[`phase.${saved + i}`]))}
        >
          {rows.slice(saved).map((row, i) => phase(row, saved + i))}
        </AddRows>
      </fieldset>

      <fieldset className={styles.group}>
        <legend>{t('provincePhases')}</legend>
        <p className="hint">{t('provincePhasesHint')}</p>
        <div className={styles.provinceGrid}>
          {provinces.map((province) => {
            const row = state.values.provinces[province.code] ?? '';
            if (row !== '' && rows[Number(row)]?.open) {
              return (
                <div key={province.code} className={styles.locked} data-province-locked={province.code}>
                  <span>{province.name}</span>
                  <span className="muted">{t('inOpenPhase', { n: Number(row) + 1 })}</span>
                  <input type="hidden" name={`province.${province.code}`} value={row} />
                </div>
              );
            }
            return (
              <Field
                key={province.code}
                id={`province-${province.code}`}
                label={province.name}
                className={styles.inline}
              >
                {(wiring) => (
                  <select {...wiring} name={`province.${province.code}`} defaultValue={row}>
                    <option value="">{t('notPlanned')}</option>
                    {rows.map((phase, i) =>
                      phase.open ? null : (
                        <option key={i} value={i}>
                          {t('phase', { n: i + 1 })}
                        </option>
                      ),
                    )}
                  </select>
                )}
              </Field>
            );
          })}
        </div>
      </fieldset>

      <button className="primary" type="submit" disabled={pending}>
        {pending ? t('saving') : t('savePlan')}
      </button>
    </form>
  );
}
