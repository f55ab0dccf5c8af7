'use client';

import { useTranslations } from 'next-intl';
import { decideClaim, type DecisionState } from '@/app/[locale]/(staff)/cbos/claims/actions';
import { FormError, SelectField, TextAreaField } from './form-parts';
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
  const hidden = (decision: DecisionState['decision']) => (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="decision" value={decision} />
    </>
  );
  const anyCbo = inProvince.length + elsewhere.length > 0;

  return (
    <div className="decision">
      <form action={confirm.formAction} onSubmit={confirm.onSubmit} noValidate data-confirm-form>
        <FormError error={confirm.state.formError} />
        {hidden('confirm')}
        {anyCbo ? (
          <>
            <SelectField
              id={`cboId-${claimId}`}
              name="cboId"
              label={t('confirmWith')}
              hint={t('confirmHint')}
              errors={confirm.state.fieldErrors}
              defaultValue={confirm.state.values.cboId}
              required
            >
              <option value="">{t('chooseCbo')}</option>
              {inProvince.length > 0 && (
                <optgroup label={t('inProvince', { province: provinceName })}>
                  {inProvince.map((cbo) => (
                    <option key={cbo.id} value={cbo.id}>
                      {cbo.label}
                    </option>
                  ))}
                </optgroup>
              )}
              {elsewhere.length > 0 && (
                <optgroup label={t('elsewhere')}>
                  {elsewhere.map((cbo) => (
                    <option key={cbo.id} value={cbo.id}>
                      {cbo.label}
                    </option>
                  ))}
                </optgroup>
              )}
            </SelectField>
            <button type="submit" className="primary" disabled={confirm.pending}>
              {t('confirm')}
            </button>
          </>
        ) : (
          <p className="muted">{t('noCbos')}</p>
        )}
      </form>

      <form action={decline.formAction} onSubmit={decline.onSubmit} noValidate data-decline-form>
        <FormError error={decline.state.formError} />
        {hidden('decline')}
        <TextAreaField
          id={`reason-${claimId}`}
          name="reason"
          label={t('declineReason')}
          hint={t('declineHint')}
          errors={decline.state.fieldErrors}
          defaultValue={decline.state.values.reason}
          maxLength={500}
          rows={2}
          required
        />
        <button type="submit" className="secondary" disabled={decline.pending}>
          {t('decline')}
        </button>
      </form>
    </div>
  );
}
