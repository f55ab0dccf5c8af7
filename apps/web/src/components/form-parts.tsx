'use client';

import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useTranslations } from 'next-intl';
import type { AccountErrorKey, AccountField, FieldErrors } from '@/lib/account-errors';

/** The form's submit button, which says it is working while the action runs. */
export function SubmitButton({ pending, label, busy }: { pending: boolean; label: string; busy?: string }) {
  const t = useTranslations('account');
  return (
    <button className="primary" type="submit" disabled={pending}>
      {pending ? (busy ?? t('working')) : label}
    </button>
  );
}

/** The message at the top of a refused form. */
export function FormError({ error, values }: { error?: AccountErrorKey; values?: Record<string, number> }) {
  const t = useTranslations('account.errors');
  if (!error) return null;
  return (
    <p className="notice error" role="alert">
      {t(error, values)}
    </p>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>;

interface FieldProps {
  name: AccountField;
  label: string;
  hint?: ReactNode;
  errors: FieldErrors;
  /** The element's id, when the same field appears more than once on a page; else its name. */
  id?: string;
}

/** The label, the control (given its accessible wiring), the hint and the translated error of one field. */
function Field({
  name,
  label,
  hint,
  errors,
  id = name,
  children,
}: FieldProps & {
  children: (wiring: {
    id: string;
    name: string;
    'aria-invalid': boolean;
    'aria-describedby'?: string;
  }) => ReactNode;
}) {
  const t = useTranslations('account.errors');
  const error = errors[name];
  const describedBy = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, name, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy || undefined })}
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="error" id={`${id}-error`}>
          {t(error)}
        </span>
      )}
    </div>
  );
}

/** A labelled input with its hint and, when refused, its translated error. */
export function TextField({ name, label, hint, errors, id, ...input }: InputProps & FieldProps) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors} id={id}>
      {(wiring) => <input {...wiring} {...input} />}
    </Field>
  );
}

/** A labelled text area, for a few sentences. */
export function TextAreaField({
  name,
  label,
  hint,
  errors,
  id,
  ...textarea
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'> & FieldProps) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors} id={id}>
      {(wiring) => <textarea {...wiring} {...textarea} />}
    </Field>
  );
}

/** A labelled list to choose from; `children` are its options (and option groups). */
export function SelectField({
  name,
  label,
  hint,
  errors,
  id,
  children,
  ...select
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'> & FieldProps) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors} id={id}>
      {(wiring) => (
        <select {...wiring} {...select}>
          {children}
        </select>
      )}
    </Field>
  );
}
