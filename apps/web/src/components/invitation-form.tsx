'use client';

import { useTranslations } from 'next-intl';
import { acceptInvitation, type InvitationState } from '@/app/[locale]/(auth)/invitations/[token]/actions';
import { DisplayNameField, NewPasswordFields } from './account-fields';
import { AccountForm } from './account-form';
import { useFormAction } from './use-form-action';

export function InvitationForm({ locale, token }: { locale: string; token: string }) {
  const t = useTranslations('invitation');
  const initial: InvitationState = { token, values: { displayName: '' }, fieldErrors: {} };
  const form = useFormAction(
    acceptInvitation,
    initial,
    `/${locale}/invitations/${encodeURIComponent(token)}`,
  );
  const { state } = form;
  return (
    <AccountForm
      form={form}
      locale={locale}
      hiddenFields={{ token: state.token }}
      submit={t('submit')}
      className="card"
    >
      <DisplayNameField
        label={t('displayName')}
        hint={t('displayNameHint')}
        defaultValue={state.values.displayName}
      />
      <NewPasswordFields label={t('password')} />
    </AccountForm>
  );
}
