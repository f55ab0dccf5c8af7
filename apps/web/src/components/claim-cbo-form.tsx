'use client';

import { useTranslations } from 'next-intl';
import { claimCbo, type ClaimCboState } from '@/app/[locale]/(applicant)/account/link-cbo/actions';
import { FormError, SelectField, SubmitButton, TextAreaField, TextField } from './form-parts';
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
  const { state, formAction, pending, onSubmit } = useFormAction(
    claimCbo,
    initial,
    `/${locale}/account/link-cbo`,
  );
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="card" data-claim-form>
      <FormError error={state.formError} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="idempotencyKey" value={state.idempotencyKey} />
      <TextField
        name="cboName"
        label={t('cboName')}
        hint={t('cboNameHint')}
        errors={state.fieldErrors}
        defaultValue={state.values.cboName}
        autoComplete="organization"
        maxLength={200}
        required
      />
      <SelectField
        name="provinceCode"
        label={t('province')}
        errors={state.fieldErrors}
        defaultValue={state.values.provinceCode}
        required
      >
        <option value="">{t('chooseProvince')}</option>
        {provinces.map((province) => (
          <option key={province.code} value={province.code}>
            {province.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        name="note"
        label={t('note')}
        hint={t('noteHint')}
        errors={state.fieldErrors}
        defaultValue={state.values.note}
        maxLength={1000}
        rows={3}
      />
      <SubmitButton pending={pending} label={t('claimSubmit')} />
    </form>
  );
}
