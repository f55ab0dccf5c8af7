'use client';

import { useTranslations } from 'next-intl';
import { recordVisit, type VisitFormState } from '@/app/[locale]/(staff)/field-visits/actions';
import { SectionForm, SelectField, SubmitButton, TextAreaField, TextField } from '@/components/form-parts';
import { useFormAction } from '@/components/use-form-action';
import styles from './field-visits.module.css';

interface Props {
  locale: string;
  idempotencyKey: string;
  /** Today in Phnom Penh, YYYY-MM-DD. */
  today: string;
  provinces: Array<{ code: string; name: string }>;
}

/** Where the team went and when, with notes; the CBOs met are recorded from the visit afterwards. */
export function VisitForm({ locale, idempotencyKey, today, provinces }: Props) {
  const t = useTranslations('fieldVisits');
  const initial: VisitFormState = {
    key: idempotencyKey,
    values: { provinceCode: '', district: '', commune: '', village: '', visitedOn: today, notes: '' },
    errors: {},
  };
  const form = useFormAction(recordVisit, initial, `/${locale}/field-visits`);
  const { state } = form;

  return (
    <SectionForm
      form={form}
      section="fieldVisits"
      hiddenFields={{ idempotencyKey: state.key, locale }}
      className="card"
      data-visit-form
    >
      <div className={styles.place}>
        <SelectField
          name="provinceCode"
          label={t('province')}
          defaultValue={state.values.provinceCode}
          placeholder={t('chooseProvince')}
          choices={provinces.map((p) => ({ value: p.code, label: p.name }))}
        />
        {(['district', 'commune', 'village'] as const).map((field) => (
          <TextField
            key={field}
            name={field}
            label={t(field)}
            defaultValue={state.values[field]}
            maxLength={120}
          />
        ))}
      </div>
      <TextField
        name="visitedOn"
        label={t('visitedOn')}
        type="date"
        max={today}
        defaultValue={state.values.visitedOn}
      />
      <TextAreaField
        name="notes"
        label={t('notes')}
        hint={t('notesHint')}
        defaultValue={state.values.notes}
        maxLength={2000}
        rows={3}
      />
      <SubmitButton pending={form.pending} label={t('submit')} busy={t('saving')} />
    </SectionForm>
  );
}
