'use server';

import { z } from 'zod';
import { text } from '@/components/programme-settings/form-state';
import { stepFacts, STEP_WORDING, type StepFormState } from '@/components/grants/step-refusals';
import { toMinor } from '@/components/grants/money';
import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { asFormState } from '@/lib/refusal';

const pathOf = (applicationId: string) => `/grants/applications/${applicationId}`;

function applicationIdOf(formData: FormData): string | undefined {
  const id = text(formData, 'applicationId');
  return z.uuid().safeParse(id).success ? id : undefined;
}

const reasonField = (issues: ReadonlyArray<{ path: string; code: string }>) =>
  issues.some((issue) => issue.path.split('.').includes('reason')) ? { reason: 'reason' } : {};

/** A coordinator's eligibility check: eligible, or ineligible with the reason the CBO reads. */
export async function decideEligibility(
  _previous: StepFormState,
  formData: FormData,
): Promise<StepFormState> {
  const values = { outcome: text(formData, 'outcome'), reason: text(formData, 'reason').slice(0, 2100) };
  const applicationId = applicationIdOf(formData);
  if (!applicationId) return { values, errors: {}, formError: 'unexpected' };
  const errors: Record<string, string> = {};
  if (values.outcome !== 'eligible' && values.outcome !== 'ineligible') errors.outcome = 'eligibilityOutcome';
  else if (values.outcome === 'ineligible' && !values.reason.trim()) errors.reason = 'reason';
  if (Object.keys(errors).length) return { values, errors, formError: 'summary' };
  return submit(formData, {
    path: pathOf(applicationId),
    send: () =>
      api(ROUTES.decideGrantEligibility, {
        params: { id: applicationId },
        body: { outcome: values.outcome as 'eligible' | 'ineligible', reason: values.reason },
      }),
    wording: { ...STEP_WORDING, fields: reasonField },
    refused: (refusal, error) => ({ values, ...asFormState(refusal), facts: stepFacts(error) }),
    done: (_run, locale) =>
      redirect({ href: { pathname: pathOf(applicationId), query: { done: 'eligibility' } }, locale }),
  });
}

/**
 * The current step's decision: approve (for the requested amount, or a lower one typed with two
 * decimals), decline or return, with the reason the CBO reads.
 */
export async function decideApproval(_previous: StepFormState, formData: FormData): Promise<StepFormState> {
  const values = {
    outcome: text(formData, 'outcome'),
    amount: text(formData, 'amount').slice(0, 30),
    reason: text(formData, 'reason').slice(0, 2100),
  };
  const applicationId = applicationIdOf(formData);
  if (!applicationId) return { values, errors: {}, formError: 'unexpected' };
  const errors: Record<string, string> = {};
  const amount = values.amount.trim() ? toMinor(values.amount) : undefined;
  if (!['approve', 'decline', 'return'].includes(values.outcome)) errors.outcome = 'approvalOutcome';
  else if (values.outcome === 'approve' && values.amount.trim() && !amount) errors.amount = 'amount';
  else if (values.outcome !== 'approve' && !values.reason.trim()) errors.reason = 'reason';
  if (Object.keys(errors).length) return { values, errors, formError: 'summary' };
  return submit(formData, {
    path: pathOf(applicationId),
    send: () =>
      api(ROUTES.decideGrantApproval, {
        params: { id: applicationId },
        body: {
          outcome: values.outcome as 'approve' | 'decline' | 'return',
          ...(values.outcome === 'approve' && amount ? { amount } : {}),
          reason: values.reason,
        },
      }),
    wording: {
      ...STEP_WORDING,
      fields: (issues) => ({
        ...reasonField(issues),
        ...(issues.some((issue) => issue.path.split('.').includes('amount')) ? { amount: 'amount' } : {}),
      }),
    },
    refused: (refusal, error) => ({ values, ...asFormState(refusal), facts: stepFacts(error) }),
    done: (_run, locale) =>
      redirect({ href: { pathname: pathOf(applicationId), query: { done: 'decision' } }, locale }),
  });
}
