'use client';

import { useTranslations } from 'next-intl';
import { savePlan, type PlanFormState } from '@/app/[locale]/(staff)/admin/programme/actions';
import { GroupError, SectionForm, SelectField, SubmitButton, TextField } from '@/components/form-parts';
import { useFormAction } from '@/components/use-form-action';
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
  const form = useFormAction(savePlan, initial, `/${locale}/admin/programme`);
  const { state } = form;
  const rows = state.values.phases;
  const phase = (row: PhaseRow, i: number) =>
    row.open ? (
      <p key={i} className={styles.openPhase} data-phase-row={i} data-open>
        <strong>{t('phase', { n: i + 1 })}</strong>: {t('phaseOpened', { date: openedOn[i] ?? '' })}
        <input type="hidden" name={`phase.${i}.open`} value="1" />
        <input type="hidden" name={`phase.${i}.opensOn`} value={row.opensOn} />
      </p>
    ) : (
      <TextField
        key={i}
        id={`phase-${i}`}
        name={`phase.${i}.opensOn`}
        errorName={`phase.${i}`}
        label={t(i < saved ? 'phaseOpensOn' : 'newPhaseOpensOn', { n: i + 1 })}
        fieldClassName={styles.inline}
        type="date"
        defaultValue={row.opensOn}
      />
    );

  return (
    <SectionForm
      form={form}
      section="programmeSettings"
      hiddenFields={{ locale, phaseRows: rows.length }}
      className="card"
      data-plan-form
    >
      <GroupError name="plan" className={styles.groupError} />

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
              <SelectField
                key={province.code}
                name={`province.${province.code}`}
                label={province.name}
                fieldClassName={styles.inline}
                defaultValue={row}
                placeholder={t('notPlanned')}
                choices={rows.flatMap((phase, i) =>
                  phase.open ? [] : [{ value: String(i), label: t('phase', { n: i + 1 }) }],
                )}
              />
            );
          })}
        </div>
      </fieldset>

      <SubmitButton pending={form.pending} label={t('savePlan')} busy={t('saving')} />
    </SectionForm>
  );
}
