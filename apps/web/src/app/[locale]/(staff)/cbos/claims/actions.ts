'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { redirect } from '@/i18n/navigation';
import { accountFieldErrors, type AccountErrorKey, type FieldErrors } from '@/lib/account-errors';
import { api, ROUTES, type RouteRequest } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { ACCOUNT_WORDING } from '@/lib/refusal';

const PATH = '/cbos/claims';

export interface DecisionState {
  claimId: string;
  decision: RouteRequest<typeof ROUTES.decideCboClaim>['body']['decision'];
  values: { cboId: string; reason: string };
  fieldErrors: FieldErrors;
  formError?: AccountErrorKey;
}

/**
 * A coordinator or admin confirms a claim against one of the recorded CBOs (which links the
 * applicant's account to it), or declines it with a reason the applicant will read.
 */
export async function decideClaim(previous: DecisionState, formData: FormData): Promise<DecisionState> {
  const claimId = z.uuid().safeParse(formData.get('claimId') || previous.claimId);
  const decision = formData.get('decision') === 'decline' ? 'decline' : 'confirm';
  const values = {
    cboId: String(formData.get('cboId') ?? '').slice(0, 100),
    reason: String(formData.get('reason') ?? '').slice(0, 1000),
  };
  const state = { claimId: previous.claimId, decision, values } as const;
  if (!claimId.success) return { ...state, fieldErrors: {}, formError: 'unexpected' };

  // The API's own rules for the decision, so most refusals are said before it is asked.
  const input = ROUTES.decideCboClaim.body.safeParse(
    decision === 'confirm' ? { decision, cboId: values.cboId } : { decision, reason: values.reason },
  );
  if (!input.success) {
    const issues = input.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code }));
    return { ...state, fieldErrors: accountFieldErrors(issues), formError: 'summary' };
  }

  return submit(formData, {
    path: PATH,
    send: () => api(ROUTES.decideCboClaim, { params: { id: claimId.data }, body: input.data }),
    wording: { ...ACCOUNT_WORDING, CONFLICT: 'claimDecided', NOT_FOUND: 'claimOrCboGone' },
    refused: (refusal) => ({ ...state, ...refusal }),
    done: (_decided, locale) => {
      // The list and the count of pending claims in the header change with the decision.
      revalidatePath('/', 'layout');
      return redirect({ href: { pathname: PATH, query: { decided: claimId.data } }, locale });
    },
  });
}
