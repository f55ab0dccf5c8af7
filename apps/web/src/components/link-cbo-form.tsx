'use client';

import { useTranslations } from 'next-intl';
import { linkCbo, type LinkCboState } from '@/app/[locale]/(applicant)/account/link-cbo/actions';
import { CodeField } from './account-fields';
import { AccountForm } from './account-form';
import { useFormAction } from './use-form-action';

export function LinkCboForm({ locale }: { locale: string }) {
  const t = useTranslations('linkCbo');
  const initial: LinkCboState = { code: '', fieldErrors: {} };
  const form = useFormAction(linkCbo, initial, `/${locale}/account/link-cbo`);
  const { state } = form;
  return (
    <AccountForm
      form={form}
      locale={locale}
      refusal={state.formError === 'summary' ? null : state.formError}
      submit={t('submit')}
      className="card"
    >
      <CodeField
        name="linkCode"
        label={t('code')}
        hint={t('codeHint')}
        defaultValue={state.code}
        autoComplete="off"
        autoCapitalize="characters"
        maxLength={40}
      />
    </AccountForm>
  );
}
