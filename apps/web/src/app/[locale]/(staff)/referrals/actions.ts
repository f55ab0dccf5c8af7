'use server';

import { z } from 'zod';
import { ReferralOutcomeDraft, toFieldIssues } from '@bandanh/contracts';
import {
  errorsFrom,
  refusedFields,
  text,
  textKey,
  type FormState,
} from '@/components/programme-settings/form-state';
import { redirect } from '@/i18n/navigation';
import { programme, refused } from '@/lib/api/programme';
import { afterFailure } from '@/lib/auth';
import { GatewayError } from '@/lib/gateway';
import { localeOf } from '@/lib/locale';

export type OutcomeFormState = FormState<{ outcome: string; note: string }>;

const outcomeErrors = (issues: ReadonlyArray<{ path: string; code: string }>) =>
  errorsFrom(issues, ([field], code) =>
    field === 'outcome'
      ? ['outcome', 'outcome']
      : field === 'note'
        ? ['note', textKey('note', code)]
        : undefined,
  );

/** Whether the referral was closed meanwhile, by someone else or by this form sent twice. */
async function closedMeanwhile(id: string): Promise<boolean> {
  const { items } = await programme.listReferrals('closed').catch(() => ({ items: [] }));
  return items.some((referral) => referral.id === id);
}

/**
 * Records how a referral turned out. "In progress" keeps it open with a new follow-up task;
 * any other outcome closes it and its task.
 */
export async function recordOutcome(
  _previous: OutcomeFormState,
  formData: FormData,
): Promise<OutcomeFormState> {
  const locale = localeOf(formData.get('locale'));
  const values = { outcome: text(formData, 'outcome'), note: text(formData, 'note') };
  const state = { key: '', values, errors: {} };
  const id = z.uuid().safeParse(formData.get('referralId'));
  if (!id.success) return { ...state, formError: 'unexpected' };
  const filter = text(formData, 'status');
  const path = '/referrals';

  const draft = ReferralOutcomeDraft.safeParse({ outcome: values.outcome || undefined, note: values.note });
  if (!draft.success) return { ...state, ...refusedFields(outcomeErrors(toFieldIssues(draft.error))) };

  try {
    await programme.recordOutcome(id.data, draft.data);
  } catch (error) {
    afterFailure(error, locale, path);
    // Closed meanwhile (the API says so), or being written by someone else: the workflow's own
    // refusal names no reason, so the list tells which.
    if (error instanceof GatewayError && error.status === 409) {
      const closed = error.body.details?.reason === 'already_closed' || (await closedMeanwhile(id.data));
      return { ...state, formError: closed ? 'alreadyClosed' : 'busy' };
    }
    return { ...state, ...refused(error, outcomeErrors, { notFound: 'gone' }) };
  }
  const query: Record<string, string> = { recorded: id.data };
  if (filter === 'open' || filter === 'closed') query.status = filter;
  return redirect({ href: { pathname: path, query }, locale });
}
