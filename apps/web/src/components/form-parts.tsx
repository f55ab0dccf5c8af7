'use client';

import type { InputHTMLAttributes, ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { AccountErrorKey, AccountField, FieldErrors } from '../lib/account-errors';

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

/** A labelled input with its hint and, when refused, its translated error. */
export function TextField({
  name,
  label,
  hint,
  errors,
  ...input
}: InputProps & { name: AccountField; label: string; hint?: ReactNode; errors: FieldErrors }) {
  const t = useTranslations('account.errors');
  const error = errors[name];
  const describedBy = [hint ? `${name}-hint` : undefined, error ? `${name}-error` : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint && (
        <span className="hint" id={`${name}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="error" id={`${name}-error`}>
          {t(error)}
        </span>
      )}
    </div>
  );
}
