'use client';

import { useTranslations } from 'next-intl';
import { startApplication, type StartState } from '@/app/[locale]/(applicant)/grants/actions';
import { FormMessage, Hidden, PlainForm, SubmitButton } from '../form-parts';
import { useFormAction } from '../use-form-action';

/** Starts (or opens) the CBO's application to a round: one button, a plain form. */
export function StartForm({ locale, roundId, label }: { locale: string; roundId: string; label: string }) {
  const t = useTranslations('grantsMember');
  const form = useFormAction(startApplication, { roundId } as StartState, `/${locale}/grants`);
  return (
    <PlainForm bound={form} data-start-round={roundId}>
      <FormMessage message={form.state.formError && t(`errors.${form.state.formError}`)} />
      <Hidden fields={{ locale, roundId }} />
      <SubmitButton pending={form.pending} label={label} busy={t('working')} />
    </PlainForm>
  );
}
