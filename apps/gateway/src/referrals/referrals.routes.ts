import { z } from 'zod';
import {
  REFERRAL_STATUSES,
  ROLE_GROUPS,
  ReferralList,
  ReferralOutcomeDraft,
  ReferralView,
} from '@bandanh/contracts';
import { DENIED, defineRoute, idParam, problem } from '../http/route-def';

/** Referrals to partner NGOs and their outcomes. */
export const REFERRAL_ROUTES = {
  listReferrals: defineRoute({
    method: 'GET',
    path: '/api/referrals',
    operationId: 'listReferrals',
    summary: 'Referrals to partner NGOs, newest first',
    tag: 'hotline',
    access: ROLE_GROUPS.programmeStaff,
    query: z.object({ status: z.enum(REFERRAL_STATUSES).optional() }),
    status: 200,
    responses: { 200: { description: 'Referrals', schema: ReferralList }, ...DENIED },
  }),
  recordReferralOutcome: defineRoute({
    method: 'POST',
    path: '/api/referrals/:id/outcome',
    operationId: 'recordReferralOutcome',
    summary: "Records a referral's outcome and closes its follow-up task (in progress keeps it open)",
    tag: 'hotline',
    access: ROLE_GROUPS.hotlineStaff,
    params: idParam('Referral'),
    body: ReferralOutcomeDraft,
    status: 200,
    responses: {
      200: { description: 'The referral', schema: ReferralView },
      404: problem('No such referral'),
      409: problem('Already closed'),
      ...DENIED,
    },
  }),
};
