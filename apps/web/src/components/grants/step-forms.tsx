'use client';

import { useLocale, useTranslations } from 'next-intl';
import { decideApproval, decideEligibility } from '@/app/[locale]/(staff)/grants/applications/[id]/actions';
import {
  Choices,
  FormMessage,
  Hidden,
  PlainForm,
  SubmitButton,
  TextAreaField,
  TextField,
} from '@/components/form-parts';
import { useFormAction } from '@/components/use-form-action';
import { formatMoney } from './money';
import type { StepFormState } from './step-refusals';

const blank = (values: Record<string, string>): StepFormState => ({ values, errors: {} });

/**
 * The words at the top of a refused step, with the facts they name: what is left of the
 * envelope, the most that may be approved, the stage the application is at, the step's role.
 */
export function useStepMessage(state: StepFormState, currency: string): string | undefined {
  const t = useTranslations('grants.step.errors');
  const stages = useTranslations('grants.stages');
  const roles = useTranslations('roles');
  const locale = useLocale();
  if (!state.formError) return undefined;
  const facts = state.facts ?? {};
  const money = (minor: number | undefined) =>
    minor === undefined ? '' : formatMoney(locale, minor, currency);
  return t(state.formError, {
    remaining: money(facts.remaining),
    max: money(facts.max),
    stage: facts.stage ? stages(facts.stage) : '',
    role: facts.role ? roles(facts.role) : '',
  });
}

interface Common {
  locale: string;
  applicationId: string;
  currency: string;
}

/** A coordinator's eligibility check: eligible, or ineligible with the reason the CBO will read. */
export function EligibilityForm({ locale, applicationId, currency }: Common) {
  const t = useTranslations('grants.eligibilityForm');
  const form = useFormAction(
    decideEligibility,
    blank({ outcome: '', reason: '' }),
    `/${locale}/grants/applications/${applicationId}`,
  );
  const { state } = form;
  return (
    <PlainForm
      bound={form}
      errors={state.errors}
      messages="grants.step.fieldErrors"
      className="card"
      data-eligibility-form
    >
      <h3>{t('title')}</h3>
      <FormMessage message={useStepMessage(state, currency)} />
      <Hidden fields={{ locale, applicationId }} />
      <Choices
        name="outcome"
        type="radio"
        legend={t('outcome')}
        idPrefix="eligibility"
        choices={[
          { value: 'eligible', label: t('eligible') },
          { value: 'ineligible', label: t('ineligible') },
        ]}
        checked={(value) => value === state.values.outcome}
        required
      />
      <TextAreaField
        name="reason"
        id="eligibility-reason"
        label={t('reason')}
        hint={t('reasonHint')}
        defaultValue={state.values.reason}
        maxLength={2000}
        rows={3}
      />
      <SubmitButton pending={form.pending} label={t('submit')} busy={t('working')} />
    </PlainForm>
  );
}

/**
 * The current step's decision: approve (the requested amount, or a lower one), decline or
 * return for changes, with the reason the CBO reads.
 */
export function DecisionForm({
  locale,
  applicationId,
  currency,
  roleName,
  maxAmount,
}: Common & { roleName: string; maxAmount: string }) {
  const t = useTranslations('grants.decisionForm');
  const form = useFormAction(
    decideApproval,
    blank({ outcome: '', amount: '', reason: '' }),
    `/${locale}/grants/applications/${applicationId}`,
  );
  const { state } = form;
  return (
    <PlainForm
      bound={form}
      errors={state.errors}
      messages="grants.step.fieldErrors"
      className="card"
      data-decision-form
    >
      <h3>{t('title', { role: roleName })}</h3>
      <FormMessage message={useStepMessage(state, currency)} />
      <Hidden fields={{ locale, applicationId }} />
      <Choices
        name="outcome"
        type="radio"
        legend={t('outcome')}
        idPrefix="decision"
        choices={[
          { value: 'approve', label: t('approve') },
          { value: 'decline', label: t('decline') },
          { value: 'return', label: t('return') },
        ]}
        checked={(value) => value === state.values.outcome}
        required
      />
      <TextField
        name="amount"
        id="decision-amount"
        label={t('amount', { currency })}
        hint={t('amountHint', { max: maxAmount })}
        inputMode="decimal"
        defaultValue={state.values.amount}
      />
      <TextAreaField
        name="reason"
        id="decision-reason"
        label={t('reason')}
        hint={t('reasonHint')}
        defaultValue={state.values.reason}
        maxLength={2000}
        rows={3}
      />
      <SubmitButton pending={form.pending} label={t('submit')} busy={t('working')} />
    </PlainForm>
  );
}
