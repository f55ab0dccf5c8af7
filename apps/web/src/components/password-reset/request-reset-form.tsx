'use client';

import { useTranslations } from 'next-intl';
import { requestReset, type ResetRequestState } from '@/app/[locale]/(auth)/password-reset/actions';
import { EmailField } from '../account-fields';
import { Hidden, PlainForm, SubmitButton } from '../form-parts';
import { useFormAction } from '../use-form-action';
import { ResetRefusal } from './reset-parts';

/**
 * The address to send a reset link to. Once sent, the page says the same whatever the address:
 * whether an account has it is not for this page to tell.
 */
export function RequestResetForm({ locale }: { locale: string }) {
  const t = useTranslations('passwordReset');
  const working = useTranslations('account');
  const initial: ResetRequestState = { email: '', fieldErrors: {} };
  const form = useFormAction(requestReset, initial, `/${locale}/password-reset`);
  const { state } = form;

  if (state.sent) {
    return (
      <section className="card" data-reset-sent>
        <p className="notice ok" role="status">
          {t('sent', { email: state.email })}
        </p>
        <p className="muted">{t('sentNext')}</p>
        <p>
          <a href={`/${locale}/password-reset`}>{t('askAgain')}</a>
        </p>
      </section>
    );
  }

  return (
    <PlainForm bound={form} errors={state.fieldErrors} messages="account.errors" className="card">
      <ResetRefusal locale={locale} formError={state.formError} minutes={state.minutes} />
      <Hidden fields={{ locale }} />
      <EmailField label={t('email')} autoComplete="email" defaultValue={state.email} />
      <SubmitButton pending={form.pending} label={t('submit')} busy={working('working')} />
    </PlainForm>
  );
}
