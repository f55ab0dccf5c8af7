'use client';

import { useLocale, useTranslations } from 'next-intl';
import { reassessCbo, type StepState } from '@/app/[locale]/(staff)/cbos/[id]/actions';
import { useFormAction } from '@/components/use-form-action';
import styles from './pipeline.module.css';
import { StepForm } from './step-parts';

/**
 * "Assess again", for a declined CBO: offered from the day its waiting time ends, and until
 * then the date it may (`from`, written by the server in the reader's language).
 */
export function ReassessForm({ cboId, from }: { cboId: string; from?: string }) {
  const t = useTranslations('pipeline.reassess');
  const locale = useLocale();
  const initial: StepState = { cboId, values: {}, fieldErrors: {} };
  const form = useFormAction(reassessCbo, initial, `/${locale}/cbos/${cboId}`);
  return (
    <StepForm
      form={form}
      cboId={cboId}
      noValidate={false}
      className={styles.step}
      data-reassess-form
      title={t('title')}
    >
      <p className="muted" id="reassess-when">
        {from ? t('notYet', { date: from }) : t('intro')}
      </p>
      <button
        className="primary"
        type="submit"
        disabled={form.pending || Boolean(from)}
        aria-describedby="reassess-when"
      >
        {t('submit')}
      </button>
    </StepForm>
  );
}
