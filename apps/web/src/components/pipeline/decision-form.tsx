'use client';

import { useLocale, useTranslations } from 'next-intl';
import { decideSelection, type StepState } from '@/app/[locale]/(staff)/cbos/[id]/actions';
import { useFormAction } from '@/components/use-form-action';
import styles from './pipeline.module.css';
import { StepError, StepFields, useFieldError } from './step-parts';

/** Select the CBO, or decline it: one reason field (which the CBO reads), a button for each outcome. */
export function DecisionForm({ cboId, total }: { cboId: string; total?: number }) {
  const t = useTranslations('pipeline.decision');
  const locale = useLocale();
  const initial: StepState = { cboId, values: {}, fieldErrors: {} };
  const { state, formAction, pending, onSubmit } = useFormAction(
    decideSelection,
    initial,
    `/${locale}/cbos/${cboId}`,
  );
  const reason = useFieldError(state)('decision-reason', 'reason', true);

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className={styles.step}
      data-decision-form
      aria-labelledby="decision-title"
    >
      <h3 id="decision-title">{t('title')}</h3>
      <p className="muted">{total === undefined ? t('intro') : t('introWithTotal', { total })}</p>
      <StepError state={state} />
      <StepFields locale={locale} cboId={cboId} />
      <div className="field">
        <label htmlFor="decision-reason">{t('reason')}</label>
        <textarea
          id="decision-reason"
          name="reason"
          rows={3}
          maxLength={1000}
          defaultValue={state.values.reason ?? ''}
          {...reason.wiring}
        />
        <span className="hint" id="decision-reason-hint">
          {t('reasonHint')}
        </span>
        {reason.message}
      </div>
      <div className="actions">
        <button className="primary" type="submit" name="outcome" value="selected" disabled={pending}>
          {t('select')}
        </button>
        <button className="secondary" type="submit" name="outcome" value="declined" disabled={pending}>
          {t('decline')}
        </button>
      </div>
    </form>
  );
}
