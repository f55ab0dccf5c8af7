'use client';

import { useTranslations } from 'next-intl';
import { decideClaim, type DecisionState } from '@/app/[locale]/(staff)/cbos/claims/actions';
import { AccountForm } from './account-form';
import { SelectField, SubmitButton, TextAreaField } from './form-parts';
import { useFormAction } from './use-form-action';

export interface CboChoice {
  id: string;
  label: string;
}

interface Props {
  locale: string;
  claimId: string;
  /** The recorded CBOs to confirm against: those in the claimed province first. */
  inProvince: CboChoice[];
  elsewhere: CboChoice[];
  /** The claimed province, in the reader's language, to name the first group. */
  provinceName: string;
}

const PERMALINK = (locale: string) => `/${locale}/cbos/claims`;

/** Confirm against a recorded CBO, or decline with a reason: two plain forms, each its own button. */
export function ClaimDecisionForms({ locale, claimId, inProvince, elsewhere, provinceName }: Props) {
  const t = useTranslations('claims');
  const initial = (decision: DecisionState['decision']): DecisionState => ({
    claimId,
    decision,
    values: { cboId: '', reason: '' },
    fieldErrors: {},
  });
  const confirm = useFormAction(decideClaim, initial('confirm'), PERMALINK(locale));
  const decline = useFormAction(decideClaim, initial('decline'), PERMALINK(locale));
  const group = (label: string, cbos: CboChoice[]) =>
    cbos.length > 0 && (
      <optgroup label={label}>
        {cbos.map((cbo) => (
          <option key={cbo.id} value={cbo.id}>
            {cbo.label}
          </option>
        ))}
      </optgroup>
    );
  const anyCbo = inProvince.length + elsewhere.length > 0;

  return (
    <div className="decision">
      <AccountForm
        form={confirm}
        locale={locale}
        hiddenFields={{ claimId, decision: 'confirm' }}
        data-confirm-form
      >
        {anyCbo ? (
          <>
            <SelectField
              id={`cboId-${claimId}`}
              name="cboId"
              label={t('confirmWith')}
              hint={t('confirmHint')}
              defaultValue={confirm.state.values.cboId}
              placeholder={t('chooseCbo')}
              required
            >
              {group(t('inProvince', { province: provinceName }), inProvince)}
              {group(t('elsewhere'), elsewhere)}
            </SelectField>
            <SubmitButton pending={confirm.pending} label={t('confirm')} />
          </>
        ) : (
          <p className="muted">{t('noCbos')}</p>
        )}
      </AccountForm>

      <AccountForm
        form={decline}
        locale={locale}
        hiddenFields={{ claimId, decision: 'decline' }}
        data-decline-form
      >
        <TextAreaField
          id={`reason-${claimId}`}
          name="reason"
          label={t('declineReason')}
          hint={t('declineHint')}
          defaultValue={decline.state.values.reason}
          maxLength={500}
          rows={2}
          required
        />
        <SubmitButton pending={decline.pending} label={t('decline')} className="secondary" />
      </AccountForm>
    </div>
  );
}
