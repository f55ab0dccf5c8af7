'use client';

import { useLocale, useTranslations } from 'next-intl';
import { decideSelection, type StepState } from '@/app/[locale]/(staff)/cbos/[id]/actions';
import { useFormAction } from '@/components/use-form-action';
import styles from './pipeline.module.css';
import { ReasonField, StepForm } from './step-parts';

/** Select the CBO, or decline it: one reason field (which the CBO reads), a button for each outcome. */
export function DecisionForm({ cboId, total }: { cboId: string; total?: number }) {
  const t = useTranslations('pipeline.decision');
  const locale = useLocale();
  const initial: StepState = { cboId, values: {}, fieldErrors: {} };
  const form = useFormAction(decideSelection, initial, `/${locale}/cbos/${cboId}`);
  const { pending } = form;

  return (
    <StepForm
      form={form}
      cboId={cboId}
      className={styles.step}
      data-decision-form
      title={t('title')}
      titleId="decision-title"
      intro={<p className="muted">{total === undefined ? t('intro') : t('introWithTotal', { total })}</p>}
    >
      <ReasonField
        id="decision-reason"
        label={t('reason')}
        hint={t('reasonHint')}
        rows={3}
        defaultValue={form.state.values.reason}
      />
      <div className="actions">
        <button className="primary" type="submit" name="outcome" value="selected" disabled={pending}>
          {t('select')}
        </button>
        <button className="secondary" type="submit" name="outcome" value="declined" disabled={pending}>
          {t('decline')}
        </button>
      </div>
    </StepForm>
  );
}
