'use client';

import { useTranslations } from 'next-intl';
import { REFERRAL_OUTCOMES } from '@bandanh/contracts';
import { recordOutcome, type OutcomeFormState } from '@/app/[locale]/(staff)/referrals/actions';
import { Field, FormMessage } from '@/components/programme-settings/field';
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
  const initial: OutcomeFormState = { key: '', values: { outcome: '', note: '' }, errors: {} };
  const { state, formAction, pending, onSubmit } = useFormAction(
    recordOutcome,
    initial,
    `/${locale}/referrals`,
  );
  const id = (name: string) => `${name}-${referralId}`;
  const outcomeError = state.errors.outcome && t(`fieldErrors.${state.errors.outcome}`);
  const noteError = state.errors.note && t(`fieldErrors.${state.errors.note}`);

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className={styles.outcomeForm} data-outcome-form>
      <FormMessage message={state.formError && t(`errors.${state.formError}`)} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="referralId" value={referralId} />
      {status && <input type="hidden" name="status" value={status} />}
      <fieldset className={styles.outcomes} aria-describedby={outcomeError ? id('outcome-error') : undefined}>
        <legend>{t('outcome')}</legend>
        {REFERRAL_OUTCOMES.map((outcome) => (
          <label key={outcome}>
            <input
              type="radio"
              name="outcome"
              value={outcome}
              defaultChecked={state.values.outcome === outcome}
              aria-invalid={Boolean(outcomeError)}
            />
            {t(`outcomeChoices.${outcome}`)}
          </label>
        ))}
        {outcomeError && (
          <span className="error" id={id('outcome-error')}>
            {outcomeError}
          </span>
        )}
      </fieldset>
      <Field id={id('note')} label={t('noteLabel')} hint={t('noteHint')} error={noteError || undefined}>
        {(wiring) => (
          <textarea {...wiring} name="note" defaultValue={state.values.note} maxLength={1000} rows={2} />
        )}
      </Field>
      <button type="submit" className="secondary" disabled={pending}>
        {t('record')}
      </button>
    </form>
  );
}
