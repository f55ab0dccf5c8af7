'use client';

import { useTranslations } from 'next-intl';
import { signUp, type SignUpState } from '@/app/[locale]/(auth)/sign-up/actions';
import { DisplayNameField, EmailField, NewPasswordFields } from './account-fields';
import { AccountForm } from './account-form';
import { useFormAction } from './use-form-action';

export function SignUpForm({ locale }: { locale: string }) {
  const t = useTranslations('signUp');
  const initial: SignUpState = { values: { email: '', displayName: '' }, fieldErrors: {} };
  const form = useFormAction(signUp, initial, `/${locale}/sign-up`);
  const { values } = form.state;
  return (
    <AccountForm form={form} locale={locale} submit={t('submit')} className="card">
      <EmailField label={t('email')} autoComplete="email" defaultValue={values.email} />
      <DisplayNameField
        label={t('displayName')}
        hint={t('displayNameHint')}
        defaultValue={values.displayName}
      />
      <NewPasswordFields />
    </AccountForm>
  );
}
