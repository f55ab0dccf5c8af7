'use client';

import { useLocale, useTranslations } from 'next-intl';
import { decideApproval, decideEligibility } from '@/app/[locale]/(staff)/grants/applications/[id]/actions';
import { ActionForm } from '@/components/action-form';
import { Choices, TextAreaField, TextField } from '@/components/form-parts';
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

type StepAction = (state: StepFormState, formData: FormData) => Promise<StepFormState>;

/**
 * A form of one grants step (an `ActionForm`): its refusal said with the facts it names, in the
 * round's `currency`.
 */
export function StepForm({
  action,
  initial,
  currency,
  ...rest
}: {
  action: StepAction;
  initial: Record<string, string>;
  currency: string;
} & Omit<
  Parameters<typeof ActionForm<StepFormState>>[0],
  'action' | 'initial' | 'fieldErrors' | 'useMessage'
>) {
  return (
    <ActionForm
      action={action}
      initial={blank(initial)}
      fieldErrors="grants.step.fieldErrors"
      useMessage={(state) => useStepMessage(state, currency)}
      {...rest}
    />
  );
}

/** A coordinator's eligibility check: eligible, or ineligible with the reason the CBO will read. */
export function EligibilityForm({ locale, applicationId, currency }: Common) {
  const t = useTranslations('grants.eligibilityForm');
  return (
    <StepForm
      action={decideEligibility}
      initial={{ outcome: '', reason: '' }}
      permalink={`/${locale}/grants/applications/${applicationId}`}
      currency={currency}
      hidden={{ locale, applicationId }}
      title={<h3>{t('title')}</h3>}
      submit={{ label: t('submit'), busy: t('working') }}
      className="card"
      data-eligibility-form
    >
      {(state) => (
        <>
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
        </>
      )}
    </StepForm>
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
  return (
    <StepForm
      action={decideApproval}
      initial={{ outcome: '', amount: '', reason: '' }}
      permalink={`/${locale}/grants/applications/${applicationId}`}
      currency={currency}
      hidden={{ locale, applicationId }}
      title={<h3>{t('title', { role: roleName })}</h3>}
      submit={{ label: t('submit'), busy: t('working') }}
      className="card"
      data-decision-form
    >
      {(state) => (
        <>
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
        </>
      )}
    </StepForm>
  );
}
