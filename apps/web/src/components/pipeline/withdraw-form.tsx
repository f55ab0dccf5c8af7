'use client';

import { useLocale, useTranslations } from 'next-intl';
import { withdrawCbo, type StepState } from '@/app/[locale]/(staff)/cbos/[id]/actions';
import { useFormAction } from '@/components/use-form-action';
import styles from './pipeline.module.css';
import { StepError, StepFields, useFieldError } from './step-parts';

/** Withdrawing ends the CBO's pipeline: the form is folded away, and asks for the reason. */
export function WithdrawForm({ cboId }: { cboId: string }) {
  const t = useTranslations('pipeline.withdraw');
  const locale = useLocale();
  const initial: StepState = { cboId, values: {}, fieldErrors: {} };
  const { state, formAction, pending, onSubmit } = useFormAction(
    withdrawCbo,
    initial,
    `/${locale}/cbos/${cboId}`,
  );
  const reason = useFieldError(state)('withdraw-reason', 'reason', true);
  return (
    <details className={styles.withdraw} open={Boolean(state.formError) || undefined} data-withdraw>
      <summary>{t('title')}</summary>
      <form action={formAction} onSubmit={onSubmit} noValidate data-withdraw-form>
        <p>{t('warning')}</p>
        <StepError state={state} />
        <StepFields locale={locale} cboId={cboId} />
        <div className="field">
          <label htmlFor="withdraw-reason">{t('reason')}</label>
          <textarea
            id="withdraw-reason"
            name="reason"
            rows={2}
            maxLength={1000}
            defaultValue={state.values.reason ?? ''}
            {...reason.wiring}
          />
          <span className="hint" id="withdraw-reason-hint">
            {t('reasonHint')}
          </span>
          {reason.message}
        </div>
        <button className={styles.danger} type="submit" disabled={pending}>
          {t('submit')}
        </button>
      </form>
    </details>
  );
}
