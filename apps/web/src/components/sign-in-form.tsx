'use client';

import { useTranslations } from 'next-intl';
import { signIn, type SignInState } from '@/app/[locale]/(auth)/sign-in/actions';
import { FormError, SubmitButton, TextField } from './form-parts';
import { useFormAction } from './use-form-action';

/**
 * Email and password, then (for an account with two-factor authentication) the code, on the same
 * page. The second step carries only the API's single-use challenge, never the password.
 */
export function SignInForm({ locale, next }: { locale: string; next: string }) {
  const t = useTranslations('signIn');
  const initial: SignInState = { step: 'password', email: '', next, fieldErrors: {} };
  const { state, formAction, pending, onSubmit } = useFormAction(signIn, initial, `/${locale}/sign-in`);
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={state.next} />
    </>
  );

  if (state.step === 'code') {
    return (
      <form key="code" action={formAction} onSubmit={onSubmit} noValidate className="card">
        <FormError error={state.formError} />
        {hidden}
        <input type="hidden" name="challenge" value={state.challenge ?? ''} />
        <input type="hidden" name="email" value={state.email} />
        <p>{t('codeIntro', { email: state.email })}</p>
        <TextField
          name="code"
          label={t('code')}
          hint={t('codeHint')}
          errors={state.fieldErrors}
          autoComplete="one-time-code"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={20}
          required
        />
        <SubmitButton pending={pending} label={t('verify')} />
        <p className="muted">
          <a href={`/${locale}/sign-in${state.next ? `?next=${encodeURIComponent(state.next)}` : ''}`}>
            {t('startAgain')}
          </a>
        </p>
      </form>
    );
  }

  return (
    <form key="password" action={formAction} onSubmit={onSubmit} noValidate className="card">
      <FormError error={state.formError} values={state.minutes ? { minutes: state.minutes } : undefined} />
      {hidden}
      <TextField
        name="email"
        label={t('email')}
        errors={state.fieldErrors}
        type="email"
        autoComplete="username"
        defaultValue={state.email}
        maxLength={254}
        required
      />
      <TextField
        name="password"
        label={t('password')}
        errors={state.fieldErrors}
        type="password"
        autoComplete="current-password"
        maxLength={256}
        required
      />
      <SubmitButton pending={pending} label={t('submit')} />
    </form>
  );
}
