'use client';

import { useTranslations } from 'next-intl';
import {
  chooseNewPassword,
  type NewPasswordState,
} from '@/app/[locale]/(auth)/password-reset/[token]/actions';
import { NewPasswordFields } from '../account-fields';
import { Hidden, PlainForm, SubmitButton } from '../form-parts';
import { useFormAction } from '../use-form-action';
import { LinkInvalid, ResetRefusal } from './reset-parts';

export { LinkInvalid };

/** The new password, twice, with the link's token; a link that died meanwhile says so. */
export function NewPasswordForm({ locale, token }: { locale: string; token: string }) {
  const t = useTranslations('passwordReset.new');
  const working = useTranslations('account');
  const initial: NewPasswordState = { token, fieldErrors: {} };
  const form = useFormAction(
    chooseNewPassword,
    initial,
    `/${locale}/password-reset/${encodeURIComponent(token)}`,
  );
  const { state } = form;

  if (state.linkInvalid) return <LinkInvalid locale={locale} />;

  return (
    <PlainForm bound={form} errors={state.fieldErrors} messages="account.errors" className="card">
      <ResetRefusal locale={locale} formError={state.formError} minutes={state.minutes} />
      <Hidden fields={{ locale, token: state.token }} />
      <NewPasswordFields />
      <SubmitButton pending={form.pending} label={t('submit')} busy={working('working')} />
    </PlainForm>
  );
}
