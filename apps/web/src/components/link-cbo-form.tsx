'use client';

import { useTranslations } from 'next-intl';
import { linkCbo, type LinkCboState } from '@/app/[locale]/(applicant)/account/link-cbo/actions';
import { FormError, SubmitButton, TextField } from './form-parts';
import { useFormAction } from './use-form-action';

export function LinkCboForm({ locale }: { locale: string }) {
  const t = useTranslations('linkCbo');
  const initial: LinkCboState = { code: '', fieldErrors: {} };
  const { state, formAction, pending, onSubmit } = useFormAction(
    linkCbo,
    initial,
    `/${locale}/account/link-cbo`,
  );
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="card">
      <FormError error={state.formError === 'summary' ? undefined : state.formError} />
      <input type="hidden" name="locale" value={locale} />
      <TextField
        name="linkCode"
        label={t('code')}
        hint={t('codeHint')}
        errors={state.fieldErrors}
        defaultValue={state.code}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
        required
      />
      <SubmitButton pending={pending} label={t('submit')} />
    </form>
  );
}
