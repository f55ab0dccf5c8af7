'use client';

import { useTranslations } from 'next-intl';
import { REFERRAL_OUTCOMES } from '@bandanh/contracts/constants';
import { recordOutcome, type OutcomeFormState } from '@/app/[locale]/(staff)/referrals/actions';
import { Choices, SectionForm, SubmitButton, TextAreaField, useChoices } from '@/components/form-parts';
import { useFormAction } from '@/components/use-form-action';
import styles from './referrals.module.css';

interface Props {
  locale: string;
  referralId: string;
  /** The list's filter, to come back to. */
  status?: string;
}

/** How the referral turned out, with a note; one plain form per open referral. */
export function OutcomeForm({ locale, referralId, status }: Props) {
  const t = useTranslations('referrals');
  const outcomes = useChoices(REFERRAL_OUTCOMES, 'referrals.outcomeChoices');
  const initial: OutcomeFormState = { key: '', values: { outcome: '', note: '' }, errors: {} };
  const form = useFormAction(recordOutcome, initial, `/${locale}/referrals`);
  const { state } = form;
  const id = (name: string) => `${name}-${referralId}`;

  return (
    <SectionForm
      form={form}
      section="referrals"
      hiddenFields={{ locale, referralId, status: status || undefined }}
      className={styles.outcomeForm}
      data-outcome-form
    >
      <Choices
        name="outcome"
        id={id('outcome')}
        legend={t('outcome')}
        className={styles.outcomes}
        type="radio"
        choices={outcomes}
        checked={(outcome) => state.values.outcome === outcome}
        invalidInputs={Boolean(state.errors.outcome)}
      />
      <TextAreaField
        id={id('note')}
        name="note"
        label={t('noteLabel')}
        hint={t('noteHint')}
        defaultValue={state.values.note}
        maxLength={1000}
        rows={2}
      />
      <SubmitButton pending={form.pending} label={t('record')} className="secondary" />
    </SectionForm>
  );
}
