'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { redirect } from '@/i18n/navigation';
import { afterFailure } from '@/lib/auth';
import {
  accountFieldErrors,
  failureFrom,
  type AccountErrorKey,
  type FieldErrors,
} from '@/lib/account-errors';
import { GatewayError, gateway, type ClaimDecision } from '@/lib/gateway';
import { localeOf } from '@/lib/locale';

const PATH = '/cbos/claims';

export interface DecisionState {
  claimId: string;
  decision: ClaimDecision['decision'];
  values: { cboId: string; reason: string };
  fieldErrors: FieldErrors;
  formError?: AccountErrorKey;
}

/** The same rules as the API's decision body, so most refusals are said before it is asked. */
const Decision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('confirm'), cboId: z.uuid() }),
  z.object({ decision: z.literal('decline'), reason: z.string().trim().min(1).max(500) }),
]);

/**
 * A coordinator or admin confirms a claim against one of the recorded CBOs (which links the
 * applicant's account to it), or declines it with a reason the applicant will read.
 */
export async function decideClaim(previous: DecisionState, formData: FormData): Promise<DecisionState> {
  const locale = localeOf(formData.get('locale'));
  const claimId = z.uuid().safeParse(formData.get('claimId') || previous.claimId);
  const decision = formData.get('decision') === 'decline' ? 'decline' : 'confirm';
  const values = {
    cboId: String(formData.get('cboId') ?? '').slice(0, 100),
    reason: String(formData.get('reason') ?? '').slice(0, 1000),
  };
  const state = { claimId: previous.claimId, decision, values } as const;
  if (!claimId.success) return { ...state, fieldErrors: {}, formError: 'unexpected' };

  const input = Decision.safeParse(
    decision === 'confirm' ? { decision, cboId: values.cboId } : { decision, reason: values.reason },
  );
  if (!input.success) {
    const issues = input.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code }));
    return { ...state, fieldErrors: accountFieldErrors(issues), formError: 'summary' };
  }

  try {
    await gateway.decideClaim(claimId.data, input.data);
  } catch (error) {
    afterFailure(error, locale, PATH);
    const failure = failureFrom(error instanceof GatewayError ? error.body : undefined, {
      conflict: 'claimDecided',
      notFound: 'claimOrCboGone',
    });
    return { ...state, ...failure };
  }
  // The list and the count of pending claims in the header change with the decision.
  revalidatePath('/', 'layout');
  return redirect({ href: { pathname: PATH, query: { decided: claimId.data } }, locale });
}
