'use client';

import type { InputHTMLAttributes, ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { CBO_PURPOSES, FOCUS_ISSUES } from '@bandanh/contracts';
import { applyToNetwork, type ApplyState } from '@/app/[locale]/apply/actions';
import { SubmitButton } from '@/components/form-parts';
import { useFormAction } from '@/components/use-form-action';
import { CONTACT_ROWS, EMPTY_VALUES, type ApplyFieldErrors } from './application';
import styles from './apply.module.css';

interface Props {
  locale: string;
  idempotencyKey: string;
  /** The provinces open to applications, named in the reader's language. */
  provinces: Array<{ code: string; name: string }>;
}

/** The id of a field's element: `contacts.1.phone` becomes `contacts-1-phone`. */
const idOf = (name: string) => name.replaceAll('.', '-');

/** The translated error of one field, given an id so the control can point at it. */
function ErrorText({
  name,
  errors,
  className,
}: {
  name: string;
  errors: ApplyFieldErrors;
  className?: string;
}) {
  const t = useTranslations('apply.errors');
  const error = errors[name];
  return error ? (
    <span className={className ?? 'error'} id={`${idOf(name)}-error`}>
      {t(error)}
    </span>
  ) : null;
}

/** What a control needs to be labelled, described and marked wrong. */
function wiring(name: string, errors: ApplyFieldErrors, hint?: boolean) {
  const id = idOf(name);
  const describedBy = [hint ? `${id}-hint` : '', errors[name] ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, name, 'aria-invalid': Boolean(errors[name]), 'aria-describedby': describedBy || undefined };
}

function Text({
  name,
  label,
  hint,
  errors,
  ...input
}: { name: string; label: string; hint?: ReactNode; errors: ApplyFieldErrors } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'name' | 'id'
>) {
  const id = idOf(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input {...wiring(name, errors, Boolean(hint))} {...input} />
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <ErrorText name={name} errors={errors} />
    </div>
  );
}

/**
 * A group's application to join the network. A plain form: it works before (or without)
 * JavaScript, offers three contact rows instead of an "add" button, and keeps what was typed
 * when something is refused.
 */
export function ApplyForm({ locale, idempotencyKey, provinces }: Props) {
  const t = useTranslations();
  const initial: ApplyState = { idempotencyKey, values: EMPTY_VALUES, fieldErrors: {} };
  const { state, formAction, pending, onSubmit } = useFormAction(applyToNetwork, initial, `/${locale}/apply`);
  const { values, fieldErrors: errors } = state;
  const described = (name: string) => (errors[name] ? `${idOf(name)}-error` : undefined);

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="card" data-apply-form>
      {state.formError && (
        <p className="notice error" role="alert" id="form-error">
          {t(`apply.errors.${state.formError}`)}
        </p>
      )}
      <input type="hidden" name="idempotencyKey" value={state.idempotencyKey} />
      <input type="hidden" name="locale" value={locale} />

      <h2 className={styles.section}>{t('apply.groupTitle')}</h2>
      <Text
        name="nameKm"
        label={t('apply.nameKm')}
        hint={t('apply.nameKmHint')}
        errors={errors}
        defaultValue={values.nameKm}
        maxLength={200}
        autoComplete="off"
        lang="km"
      />
      <Text
        name="name"
        label={t('apply.name')}
        hint={t('apply.nameHint')}
        errors={errors}
        defaultValue={values.name}
        maxLength={200}
        autoComplete="off"
        required
      />
      <fieldset className={`checks ${styles.stack}`} aria-describedby={described('purpose')}>
        <legend>{t('apply.purpose')}</legend>
        {CBO_PURPOSES.map((purpose) => (
          <label key={purpose}>
            <input type="radio" name="purpose" value={purpose} defaultChecked={values.purpose === purpose} />
            {t(`apply.purposes.${purpose}`)}
          </label>
        ))}
        <span className={styles.note}>{t('apply.purposeHint')}</span>
        <ErrorText name="purpose" errors={errors} />
      </fieldset>
      <fieldset className="checks" aria-describedby={described('focusIssues')}>
        <legend>{t('apply.focusIssues')}</legend>
        {FOCUS_ISSUES.map((issue) => (
          <label key={issue}>
            <input
              type="checkbox"
              name="focusIssues"
              value={issue}
              defaultChecked={values.focusIssues.includes(issue)}
            />
            {t(`focusIssues.${issue}`)}
          </label>
        ))}
        <ErrorText name="focusIssues" errors={errors} />
      </fieldset>
      <Text
        name="membersCount"
        label={t('apply.membersCount')}
        errors={errors}
        defaultValue={values.membersCount}
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={6}
        className={styles.short}
      />
      <div className="field">
        <label htmlFor="about">{t('apply.about')}</label>
        <textarea {...wiring('about', errors, true)} defaultValue={values.about} maxLength={2000} rows={4} />
        <span className="hint" id="about-hint">
          {t('apply.aboutHint')}
        </span>
        <ErrorText name="about" errors={errors} />
      </div>

      <h2 className={styles.section}>{t('apply.placeTitle')}</h2>
      <div className="field">
        <label htmlFor="provinceCode">{t('apply.province')}</label>
        <select {...wiring('provinceCode', errors, true)} defaultValue={values.provinceCode} required>
          <option value="">{t('apply.chooseProvince')}</option>
          {provinces.map((province) => (
            <option key={province.code} value={province.code}>
              {province.name}
            </option>
          ))}
        </select>
        <span className="hint" id="provinceCode-hint">
          {t('apply.provinceHint')}
        </span>
        <ErrorText name="provinceCode" errors={errors} />
      </div>
      {(['district', 'commune', 'village'] as const).map((place) => (
        <Text
          key={place}
          name={place}
          label={t(`apply.${place}`)}
          errors={errors}
          defaultValue={values[place]}
          maxLength={120}
        />
      ))}

      <h2 className={styles.section}>{t('apply.contactsTitle')}</h2>
      <p className="muted" id="contacts-hint">
        {t('apply.contactsHint')}
      </p>
      <ErrorText name="contacts" errors={errors} className={styles.groupError} />
      {Array.from({ length: CONTACT_ROWS }, (_, row) => (
        <fieldset key={row} className={styles.contact} aria-describedby={described('contacts')}>
          <legend>{t('apply.contact', { number: row + 1 })}</legend>
          <Text
            name={`contacts.${row}.name`}
            label={t('apply.contactName')}
            errors={errors}
            defaultValue={values.contacts[row].name}
            maxLength={120}
            autoComplete="off"
          />
          <Text
            name={`contacts.${row}.phone`}
            label={t('apply.contactPhone')}
            errors={errors}
            defaultValue={values.contacts[row].phone}
            type="tel"
            maxLength={20}
            autoComplete="off"
          />
          <Text
            name={`contacts.${row}.role`}
            label={t('apply.contactRole')}
            errors={errors}
            defaultValue={values.contacts[row].role}
            maxLength={80}
            autoComplete="off"
          />
        </fieldset>
      ))}
      <label className={styles.consent}>
        <input type="checkbox" name="publishContacts" value="yes" defaultChecked={values.publishContacts} />
        <span>{t('apply.publishContacts')}</span>
      </label>

      <SubmitButton pending={pending} label={t('apply.submit')} busy={t('apply.submitting')} />
    </form>
  );
}
