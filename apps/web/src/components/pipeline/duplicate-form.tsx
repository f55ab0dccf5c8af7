'use client';

import { useLocale, useTranslations } from 'next-intl';
import { decideDuplicate, type StepState } from '@/app/[locale]/(staff)/cbos/[id]/actions';
import { useFormAction } from '@/components/use-form-action';
import styles from './pipeline.module.css';
import { StepForm } from './step-parts';

interface Props {
  cboId: string;
  /** The CBOs already recorded that this one looks like, named in the reader's language. */
  lookalikes: Array<{ id: string; name: string }>;
}

/**
 * A coordinator decides about a likely duplicate: the same group as one already recorded (this
 * record is then withdrawn as its duplicate, behind a second click), or a different group.
 */
export function DuplicateForm({ cboId, lookalikes }: Props) {
  const t = useTranslations('pipeline.duplicate');
  const locale = useLocale();
  const initial: StepState = { cboId, values: {}, fieldErrors: {} };
  const form = useFormAction(decideDuplicate, initial, `/${locale}/cbos/${cboId}`);
  return (
    <StepForm
      form={form}
      cboId={cboId}
      data-duplicate-form
      title={t('title')}
      titleId="duplicate-title"
      intro={<p>{t('intro')}</p>}
    >
      <button
        className="secondary"
        type="submit"
        name="decision"
        value="distinct"
        disabled={form.pending}
        data-decision="distinct"
      >
        {t('distinct')}
      </button>
      {lookalikes.map((other) => (
        <details key={other.id} className={styles.withdraw} data-merge={other.id}>
          <summary>{t('merge', { name: other.name })}</summary>
          <p>{t('mergeWarning', { name: other.name })}</p>
          <button
            className={styles.danger}
            type="submit"
            name="decision"
            value={`merged:${other.id}`}
            disabled={form.pending}
          >
            {t('mergeConfirm')}
          </button>
        </details>
      ))}
    </StepForm>
  );
}
