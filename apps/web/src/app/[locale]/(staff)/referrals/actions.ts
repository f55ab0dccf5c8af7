'use server';

import { z } from 'zod';
import { ReferralOutcomeDraft } from '@bandanh/contracts';
import { errorsFrom, text, textKey, type FormState } from '@/components/programme-settings/form-state';
import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { asFormState, FORM_WORDING } from '@/lib/refusal';

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
  const { items } = await api(ROUTES.listReferrals, { query: { status: 'closed' } }).catch(() => ({
    items: [],
  }));
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
  const values = { outcome: text(formData, 'outcome'), note: text(formData, 'note') };
  const id = z.uuid().safeParse(formData.get('referralId'));
  if (!id.success) return { key: '', values, errors: {}, formError: 'unexpected' };
  const filter = text(formData, 'status');
  const path = '/referrals';

  return submit(formData, {
    path,
    input: ReferralOutcomeDraft.safeParse({ outcome: values.outcome || undefined, note: values.note }),
    send: (draft) => api(ROUTES.recordReferralOutcome, { params: { id: id.data }, body: draft }),
    // Closed meanwhile (the API says so), or being written by someone else.
    wording: {
      ...FORM_WORDING,
      fields: outcomeErrors,
      already_closed: 'alreadyClosed',
      CONFLICT: 'busy',
      NOT_FOUND: 'gone',
    },
    refused: async (refusal) => {
      const state = { key: '', values, ...asFormState(refusal) };
      // The workflow's own refusal names no reason, so the list tells which.
      const closed = state.formError === 'busy' && (await closedMeanwhile(id.data));
      return closed ? { ...state, formError: 'alreadyClosed' } : state;
    },
    done: (_referral, locale) => {
      const query: Record<string, string> = { recorded: id.data };
      if (filter === 'open' || filter === 'closed') query.status = filter;
      return redirect({ href: { pathname: path, query }, locale });
    },
  });
}
