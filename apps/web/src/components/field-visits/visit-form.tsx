'use client';

import { useTranslations } from 'next-intl';
import { recordVisit, type VisitFormState } from '@/app/[locale]/(staff)/field-visits/actions';
import { Field, FormMessage } from '@/components/programme-settings/field';
import { useFormAction } from '@/components/use-form-action';
import type { VisitField } from './visit-draft';
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
  const { state, formAction, pending, onSubmit } = useFormAction(
    recordVisit,
    initial,
    `/${locale}/field-visits`,
  );
  const error = (field: VisitField) =>
    state.errors[field] ? t(`fieldErrors.${state.errors[field]}`) : undefined;
  const place = (field: 'district' | 'commune' | 'village') => (
    <Field id={field} label={t(field)} error={error(field)}>
      {(wiring) => <input {...wiring} name={field} defaultValue={state.values[field]} maxLength={120} />}
    </Field>
  );

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="card" data-visit-form>
      <FormMessage message={state.formError && t(`errors.${state.formError}`)} />
      <input type="hidden" name="idempotencyKey" value={state.key} />
      <input type="hidden" name="locale" value={locale} />
      <div className={styles.place}>
        <Field id="provinceCode" label={t('province')} error={error('provinceCode')}>
          {(wiring) => (
            <select {...wiring} name="provinceCode" defaultValue={state.values.provinceCode}>
              <option value="">{t('chooseProvince')}</option>
              {provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {place('district')}
        {place('commune')}
        {place('village')}
      </div>
      <Field id="visitedOn" label={t('visitedOn')} error={error('visitedOn')}>
        {(wiring) => <input {...wiring} type="date" name="visitedOn" defaultValue={state.values.visitedOn} />}
      </Field>
      <Field id="notes" label={t('notes')} hint={t('notesHint')} error={error('notes')}>
        {(wiring) => (
          <textarea {...wiring} name="notes" defaultValue={state.values.notes} maxLength={2000} rows={3} />
        )}
      </Field>
      <button className="primary" type="submit" disabled={pending}>
        {pending ? t('saving') : t('submit')}
      </button>
    </form>
  );
}
