'use client';

import { useTranslations } from 'next-intl';
import { claimCbo, type ClaimCboState } from '@/app/[locale]/(applicant)/account/link-cbo/actions';
import { AccountForm } from './account-form';
import { SelectField, TextAreaField, TextField } from './form-parts';
import { useFormAction } from './use-form-action';

interface Props {
  locale: string;
  idempotencyKey: string;
  /** Every province, named in the reader's language. */
  provinces: Array<{ code: string; name: string }>;
}

/** "No code? Claim your CBO": its name, its province and a note, for a coordinator to confirm. */
export function ClaimCboForm({ locale, idempotencyKey, provinces }: Props) {
  const t = useTranslations('linkCbo');
  const initial: ClaimCboState = {
    idempotencyKey,
    values: { cboName: '', provinceCode: '', note: '' },
    fieldErrors: {},
  };
  const form = useFormAction(claimCbo, initial, `/${locale}/account/link-cbo`);
  const { state } = form;
  return (
    <AccountForm
      form={form}
      locale={locale}
      hiddenFields={{ idempotencyKey: state.idempotencyKey }}
      submit={t('claimSubmit')}
      className="card"
      data-claim-form
    >
      <TextField
        name="cboName"
        label={t('cboName')}
        hint={t('cboNameHint')}
        defaultValue={state.values.cboName}
        autoComplete="organization"
        maxLength={200}
        required
      />
      <SelectField
        name="provinceCode"
        label={t('province')}
        defaultValue={state.values.provinceCode}
        placeholder={t('chooseProvince')}
        choices={provinces.map((province) => ({ value: province.code, label: province.name }))}
        required
      />
      <TextAreaField
        name="note"
        label={t('note')}
        hint={t('noteHint')}
        defaultValue={state.values.note}
        maxLength={1000}
        rows={3}
      />
    </AccountForm>
  );
}
