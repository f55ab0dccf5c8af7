'use client';

import { useTranslations } from 'next-intl';
import { changePassword, type PasswordState } from '@/app/[locale]/(account)/account/password/actions';
import { FormError, SubmitButton, TextField } from './form-parts';
import { NewPasswordFields } from './new-password-fields';
import { useFormAction } from './use-form-action';

export function PasswordForm({ locale }: { locale: string }) {
  const t = useTranslations('password');
  const initial: PasswordState = { fieldErrors: {} };
  const { state, formAction, pending, onSubmit } = useFormAction(
    changePassword,
    initial,
    `/${locale}/account/password`,
  );

  if (state.endedOtherSessions !== undefined) {
    return (
      <p className="notice ok" role="status">
        {t('changed', { count: state.endedOtherSessions })}
      </p>
    );
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="card">
      <FormError error={state.formError} />
      <input type="hidden" name="locale" value={locale} />
      <TextField
        name="current"
        label={t('current')}
        errors={state.fieldErrors}
        type="password"
        autoComplete="current-password"
        maxLength={256}
        required
      />
      <NewPasswordFields errors={state.fieldErrors} />
      <SubmitButton pending={pending} label={t('submit')} />
    </form>
  );
}
