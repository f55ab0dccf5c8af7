import { z } from 'zod';
import { CLAIM_STATUSES, ClaimDraft, ClaimList, ClaimView, ROLE_GROUPS } from '@bandanh/contracts';
import { DENIED, defineRoute, idParam, problem } from '../http/route-def';

/** Claims to belong to a CBO, made by applicants and decided by coordinators. */
export const CLAIM_ROUTES = {
  createCboClaim: defineRoute({
    method: 'POST',
    path: '/api/cbo-claims',
    operationId: 'claimCbo',
    idempotent: true,
    summary: 'An applicant not yet linked claims their CBO; a coordinator confirms or declines',
    tag: 'network',
    access: ROLE_GROUPS.applicants,
    body: ClaimDraft,
    status: 201,
    responses: {
      201: { description: 'The claim, pending', schema: ClaimView },
      409: problem('Already linked, or a claim is pending'),
      ...DENIED,
    },
  }),
  listCboClaims: defineRoute({
    method: 'GET',
    path: '/api/cbo-claims',
    operationId: 'listCboClaims',
    summary: "Claims to belong to a CBO: every claim for a coordinator, one's own for an applicant",
    tag: 'network',
    access: ROLE_GROUPS.claimReaders,
    query: z.object({ status: z.enum(CLAIM_STATUSES).optional() }),
    status: 200,
    responses: { 200: { description: 'Newest first', schema: ClaimList }, ...DENIED },
  }),
  decideCboClaim: defineRoute({
    method: 'POST',
    path: '/api/cbo-claims/:id/decision',
    operationId: 'decideCboClaim',
    summary: 'Confirms a claim against a recorded CBO (linking the account), or declines it with a reason',
    tag: 'network',
    access: ROLE_GROUPS.cboWriters,
    params: idParam('Claim'),
    body: z.discriminatedUnion('decision', [
      z.object({ decision: z.literal('confirm'), cboId: z.uuid({ error: 'Choose the CBO' }) }),
      z.object({
        decision: z.literal('decline'),
        reason: z.string().trim().min(1, 'Give the reason').max(500),
      }),
    ]),
    status: 200,
    responses: {
      200: { description: 'The decided claim', schema: ClaimView },
      404: problem('No such claim or CBO'),
      409: problem('Already decided'),
      ...DENIED,
    },
  }),
};
