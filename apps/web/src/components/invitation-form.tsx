'use client';

import { useTranslations } from 'next-intl';
import { acceptInvitation, type InvitationState } from '@/app/[locale]/(auth)/invitations/[token]/actions';
import { FormError, SubmitButton, TextField } from './form-parts';
import { NewPasswordFields } from './new-password-fields';
import { useFormAction } from './use-form-action';

export function InvitationForm({ locale, token }: { locale: string; token: string }) {
  const t = useTranslations('invitation');
  const initial: InvitationState = { token, values: { displayName: '' }, fieldErrors: {} };
  const { state, formAction, pending, onSubmit } = useFormAction(
    acceptInvitation,
    initial,
    `/${locale}/invitations/${encodeURIComponent(token)}`,
  );
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="card">
      <FormError error={state.formError} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={state.token} />
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
      <NewPasswordFields errors={state.fieldErrors} label={t('password')} />
      <SubmitButton pending={pending} label={t('submit')} />
    </form>
  );
}
