'use client';

import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { reassessCbo, type StepState } from '../../app/[locale]/(staff)/cbos/[id]/actions';
import { useFormAction } from '../use-form-action';
import styles from './pipeline.module.css';
import { StepError, StepFields } from './step-parts';

/**
 * "Assess again", for a declined CBO: offered from the day its waiting time ends, and until
 * then the date it may.
 */
export function ReassessForm({ cboId, from, early }: { cboId: string; from: string | null; early: boolean }) {
  const t = useTranslations('pipeline.reassess');
  const format = useFormatter();
  const locale = useLocale();
  const initial: StepState = { cboId, values: {}, fieldErrors: {} };
  const { state, formAction, pending, onSubmit } = useFormAction(
    reassessCbo,
    initial,
    `/${locale}/cbos/${cboId}`,
  );
  const date = from ? format.dateTime(new Date(from), { dateStyle: 'medium' }) : '';
  return (
    <form action={formAction} onSubmit={onSubmit} className={styles.step} data-reassess-form>
      <h3>{t('title')}</h3>
      <StepError state={state} />
      <StepFields locale={locale} cboId={cboId} />
      <p className="muted" id="reassess-when">
        {early ? t('notYet', { date }) : t('intro')}
      </p>
      <button className="primary" type="submit" disabled={pending || early} aria-describedby="reassess-when">
        {t('submit')}
      </button>
    </form>
  );
}
