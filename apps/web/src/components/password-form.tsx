'use client';

import { useTranslations } from 'next-intl';
import { changePassword, type PasswordState } from '@/app/[locale]/(account)/account/password/actions';
import { NewPasswordFields, PasswordField } from './account-fields';
import { AccountForm } from './account-form';
import { useFormAction } from './use-form-action';

export function PasswordForm({ locale }: { locale: string }) {
  const t = useTranslations('password');
  const initial: PasswordState = { fieldErrors: {} };
  const form = useFormAction(changePassword, initial, `/${locale}/account/password`);

  if (form.state.endedOtherSessions !== undefined) {
    return (
      <p className="notice ok" role="status">
        {t('changed', { count: form.state.endedOtherSessions })}
      </p>
    );
  }

  return (
    <AccountForm form={form} locale={locale} submit={t('submit')} className="card">
      <PasswordField name="current" label={t('current')} />
      <NewPasswordFields />
    </AccountForm>
  );
}
