'use client';

import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { signIn, type SignInState } from '@/app/[locale]/(auth)/sign-in/actions';
import { CodeField, EmailField, PasswordField } from './account-fields';
import { AccountForm } from './account-form';
import { useFormAction } from './use-form-action';

/**
 * Email and password, then (for an account with two-factor authentication) the code, on the same
 * page. The second step carries only the API's single-use challenge, never the password.
 * `forgot` (the way to a password reset) follows the password step's button.
 */
export function SignInForm({ locale, next, forgot }: { locale: string; next: string; forgot?: ReactNode }) {
  const t = useTranslations('signIn');
  const initial: SignInState = { step: 'password', email: '', next, fieldErrors: {} };
  const form = useFormAction(signIn, initial, `/${locale}/sign-in`);
  const { state } = form;

  if (state.step === 'code') {
    return (
      <AccountForm
        key="code"
        form={form}
        locale={locale}
        hiddenFields={{ next: state.next, challenge: state.challenge ?? '', email: state.email }}
        submit={t('verify')}
        className="card"
        after={
          <p className="muted">
            <a href={`/${locale}/sign-in${state.next ? `?next=${encodeURIComponent(state.next)}` : ''}`}>
              {t('startAgain')}
            </a>
          </p>
        }
      >
        <p>{t('codeIntro', { email: state.email })}</p>
        <CodeField
          name="code"
          label={t('code')}
          hint={t('codeHint')}
          autoComplete="one-time-code"
          autoCapitalize="off"
          maxLength={20}
        />
      </AccountForm>
    );
  }

  return (
    <AccountForm
      key="password"
      form={form}
      locale={locale}
      hiddenFields={{ next: state.next }}
      refusalValues={state.minutes ? { minutes: state.minutes } : undefined}
      submit={t('submit')}
      className="card"
      after={forgot}
    >
      <EmailField label={t('email')} autoComplete="username" defaultValue={state.email} />
      <PasswordField name="password" label={t('password')} />
    </AccountForm>
  );
}
