'use client';

import { useTranslations } from 'next-intl';
import { TextField } from './form-parts';

/** An email address, as the account forms ask for it. */
export function EmailField({
  label,
  defaultValue,
  autoComplete,
}: {
  label: string;
  defaultValue: string;
  autoComplete: 'email' | 'username' | 'off';
}) {
  return (
    <TextField
      name="email"
      label={label}
      type="email"
      autoComplete={autoComplete}
      defaultValue={defaultValue}
      maxLength={254}
      required
    />
  );
}

/** The name others see, with the advice on it. */
export function DisplayNameField({
  label,
  hint,
  defaultValue,
}: {
  label: string;
  hint: string;
  defaultValue: string;
}) {
  return (
    <TextField
      name="displayName"
      label={label}
      hint={hint}
      autoComplete="name"
      defaultValue={defaultValue}
      maxLength={120}
      required
    />
  );
}

/** A password the account has now. */
export function PasswordField({ name, label }: { name: 'password' | 'current'; label: string }) {
  return (
    <TextField
      name={name}
      label={label}
      type="password"
      autoComplete="current-password"
      maxLength={256}
      required
    />
  );
}

/** A new password and the same again, with the advice on choosing one. */
export function NewPasswordFields({ label }: { label?: string }) {
  const t = useTranslations('account');
  return (
    <>
      <TextField
        name="password"
        label={label ?? t('newPassword')}
        hint={t('newPasswordHint')}
        type="password"
        autoComplete="new-password"
        minLength={8}
        maxLength={256}
        required
      />
      <TextField
        name="confirm"
        label={t('confirmPassword')}
        type="password"
        autoComplete="new-password"
        maxLength={256}
        required
      />
    </>
  );
}

/** A one-time code to type in, as the app or the coordinator gave it. */
export function CodeField({
  name,
  label,
  hint,
  defaultValue,
  autoComplete,
  autoCapitalize,
  maxLength,
}: {
  name: 'code' | 'linkCode';
  label: string;
  hint?: string;
  defaultValue?: string;
  autoComplete: 'one-time-code' | 'off';
  autoCapitalize: 'off' | 'characters';
  maxLength: number;
}) {
  return (
    <TextField
      name={name}
      label={label}
      hint={hint}
      defaultValue={defaultValue}
      autoComplete={autoComplete}
      autoCapitalize={autoCapitalize}
      spellCheck={false}
      maxLength={maxLength}
      required
    />
  );
}
