'use client';

import { useTranslations } from 'next-intl';
import type { FieldErrors } from '@/lib/account-errors';
import { TextField } from './form-parts';

/** A new password and the same again, with the advice on choosing one. */
export function NewPasswordFields({ errors, label }: { errors: FieldErrors; label?: string }) {
  const t = useTranslations('account');
  return (
    <>
      <TextField
        name="password"
        label={label ?? t('newPassword')}
        hint={t('newPasswordHint')}
        errors={errors}
        type="password"
        autoComplete="new-password"
        minLength={8}
        maxLength={256}
        required
      />
      <TextField
        name="confirm"
        label={t('confirmPassword')}
        errors={errors}
        type="password"
        autoComplete="new-password"
        maxLength={256}
        required
      />
    </>
  );
}
