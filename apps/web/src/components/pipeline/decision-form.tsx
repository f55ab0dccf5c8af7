'use client';

import { useLocale, useTranslations } from 'next-intl';
import { decideSelection, type StepState } from '@/app/[locale]/(staff)/cbos/[id]/actions';
import { focusAfterSubmit, Hidden } from '@/components/form-parts';
import { useFormAction } from '@/components/use-form-action';
import { CboName } from './cbo-name';
import styles from './pipeline.module.css';
import { ReasonField, StepForm } from './step-parts';

/**
 * Select the CBO, or decline it: one reason field (which the CBO reads), a button for each
 * outcome. Nothing is recorded on that first click: the server answers with a panel naming the
 * CBO, the outcome and the reason, and only its Confirm records the decision (Cancel goes back
 * to the form). It works without JavaScript; with it, a double click on Confirm sends one.
 */
export function DecisionForm({ cboId, total }: { cboId: string; total?: number }) {
  const t = useTranslations('pipeline.decision');
  const locale = useLocale();
  const initial: StepState = { cboId, values: {}, fieldErrors: {} };
  const form = useFormAction(decideSelection, initial, `/${locale}/cbos/${cboId}`);
  const { pending, state } = form;
  const { confirm } = state;

  return (
    <StepForm
      form={form}
      cboId={cboId}
      className={styles.step}
      data-decision-form
      title={t('title')}
      titleId="decision-title"
      intro={
        !confirm && (
          <p className="muted">{total === undefined ? t('intro') : t('introWithTotal', { total })}</p>
        )
      }
    >
      {confirm ? (
        <div
          className="notice"
          role="group"
          aria-labelledby="decision-confirm-question"
          data-confirm-decision={confirm.outcome}
          {...focusAfterSubmit}
        >
          <p id="decision-confirm-question">
            <strong>{t(confirm.outcome === 'selected' ? 'confirmSelect' : 'confirmDecline')}</strong>
          </p>
          <p data-confirm-cbo>
            <CboName name={confirm.name} nameKm={confirm.nameKm} />
          </p>
          {confirm.reason && (
            <>
              <p>{t('confirmReason')}</p>
              <blockquote className="reason" data-confirm-reason>
                {confirm.reason}
              </blockquote>
            </>
          )}
          <p className="muted">{t('confirmHint')}</p>
          <Hidden fields={{ outcome: confirm.outcome, reason: confirm.reason }} />
          <div className="actions">
            <button className="primary" type="submit" name="confirm" value="yes" disabled={pending}>
              {pending ? t('confirming') : t('confirm')}
            </button>
            <button className="secondary" type="submit" name="confirm" value="cancel" disabled={pending}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <ReasonField
            id="decision-reason"
            label={t('reason')}
            hint={t('reasonHint')}
            rows={3}
            defaultValue={state.values.reason}
          />
          <div className="actions">
            <button className="primary" type="submit" name="outcome" value="selected" disabled={pending}>
              {t('select')}
            </button>
            <button className="secondary" type="submit" name="outcome" value="declined" disabled={pending}>
              {t('decline')}
            </button>
          </div>
        </>
      )}
    </StepForm>
  );
}
