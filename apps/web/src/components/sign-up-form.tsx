'use client';

import { useTranslations } from 'next-intl';
import { signUp, type SignUpState } from '@/app/[locale]/(auth)/sign-up/actions';
import { FormError, SubmitButton, TextField } from './form-parts';
import { NewPasswordFields } from './new-password-fields';
import { useFormAction } from './use-form-action';

export function SignUpForm({ locale }: { locale: string }) {
  const t = useTranslations('signUp');
  const initial: SignUpState = { values: { email: '', displayName: '' }, fieldErrors: {} };
  const { state, formAction, pending, onSubmit } = useFormAction(signUp, initial, `/${locale}/sign-up`);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="card">
      <FormError error={state.formError} />
      <input type="hidden" name="locale" value={locale} />
      <TextField
        name="email"
        label={t('email')}
        errors={state.fieldErrors}
        type="email"
        autoComplete="email"
        defaultValue={state.values.email}
        maxLength={254}
        required
      />
      <TextField
        name="displayName"
        label={t('displayName')}
        hint={t('displayNameHint')}
        errors={state.fieldErrors}
        autoComplete="name"
        defaultValue={state.values.displayName}
        maxLength={120}
        required
      />
      <NewPasswordFields errors={state.fieldErrors} />
      <SubmitButton pending={pending} label={t('submit')} />
    </form>
  );
}
