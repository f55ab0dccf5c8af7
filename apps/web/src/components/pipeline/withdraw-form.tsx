'use client';

import { useLocale, useTranslations } from 'next-intl';
import { withdrawCbo, type StepState } from '@/app/[locale]/(staff)/cbos/[id]/actions';
import { useFormAction } from '@/components/use-form-action';
import styles from './pipeline.module.css';
import { ReasonField, StepForm } from './step-parts';

/** Withdrawing ends the CBO's pipeline: the form is folded away, and asks for the reason. */
export function WithdrawForm({ cboId }: { cboId: string }) {
  const t = useTranslations('pipeline.withdraw');
  const locale = useLocale();
  const initial: StepState = { cboId, values: {}, fieldErrors: {} };
  const form = useFormAction(withdrawCbo, initial, `/${locale}/cbos/${cboId}`);
  return (
    <details className={styles.withdraw} open={Boolean(form.state.formError) || undefined} data-withdraw>
      <summary>{t('title')}</summary>
      <StepForm form={form} cboId={cboId} data-withdraw-form intro={<p>{t('warning')}</p>}>
        <ReasonField
          id="withdraw-reason"
          label={t('reason')}
          hint={t('reasonHint')}
          rows={2}
          defaultValue={form.state.values.reason}
        />
        <button className={styles.danger} type="submit" disabled={form.pending}>
          {t('submit')}
        </button>
      </StepForm>
    </details>
  );
}
