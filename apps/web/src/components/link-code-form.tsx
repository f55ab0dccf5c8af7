'use client';

import { useTranslations } from 'next-intl';
import { issueLinkCode, type LinkCodeState } from '@/app/[locale]/(staff)/cbos/actions';
import { AccountForm } from './account-form';
import { SubmitButton } from './form-parts';
import { useFormAction } from './use-form-action';
import { useLocalFormat } from '@/i18n/use-local-format';

/** "Give a member a link code": the code is shown once, here, for the coordinator to pass on. */
export function LinkCodeForm({
  locale,
  cboId,
  cboName,
  permalink,
}: {
  locale: string;
  cboId: string;
  cboName: string;
  /** The page the form is on, for a submission without JavaScript. */
  permalink: string;
}) {
  const t = useTranslations('linkCodes');
  const format = useLocalFormat();
  const initial: LinkCodeState = { cboId };
  const form = useFormAction(issueLinkCode, initial, permalink);
  const { state } = form;
  return (
    <AccountForm
      form={form}
      locale={locale}
      hiddenFields={{ cboId }}
      noValidate={false}
      className="inline-form"
      data-link-code-form
    >
      {state.code && (
        <div className="notice ok" role="status">
          {t('issued', { name: cboName })}
          <strong className="code code-once" data-link-code>
            {state.code}
          </strong>
          {t('until', {
            date: format.dateTime(new Date(state.expiresAt ?? Date.now()), { dateStyle: 'medium' }),
          })}
        </div>
      )}
      <SubmitButton
        pending={form.pending}
        label={state.code ? t('another') : t('give')}
        className="secondary"
      />
    </AccountForm>
  );
}
