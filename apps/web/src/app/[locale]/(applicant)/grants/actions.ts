'use server';

import { z } from 'zod';
import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { afterFailure } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { codeOf, reasonOf } from '@/lib/refusal';

/** What the start button says after a refusal: a key of `grantsMember.errors`. */
export type StartError =
  'notEligible' | 'roundNotOpen' | 'notFound' | 'notAllowed' | 'unavailable' | 'unexpected';

export interface StartState {
  roundId: string;
  formError?: StartError;
}

/**
 * Starts the member's CBO's application to a round, or opens the one already started, and goes
 * to its first step.
 */
export async function startApplication(previous: StartState, formData: FormData): Promise<StartState> {
  const locale = localeOf(formData.get('locale'));
  const roundId = z.uuid().safeParse(formData.get('roundId') || previous.roundId);
  if (!roundId.success) return { ...previous, formError: 'unexpected' };
  let applicationId: string;
  try {
    const { application } = await api(ROUTES.startGrantApplication, { params: { id: roundId.data } });
    applicationId = application.id;
  } catch (error) {
    afterFailure(error, locale, '/grants');
    const reason = reasonOf(error);
    const formError: StartError =
      reason === 'not_eligible'
        ? 'notEligible'
        : reason === 'round_not_open'
          ? 'roundNotOpen'
          : codeOf(error) === 'NOT_FOUND'
            ? 'notFound'
            : codeOf(error) === 'UNAVAILABLE'
              ? 'unavailable'
              : 'unexpected';
    return { roundId: roundId.data, formError };
  }
  return redirect({ href: `/my-cbo/grants/${applicationId}`, locale });
}
