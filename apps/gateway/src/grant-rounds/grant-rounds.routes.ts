import { z } from 'zod';
import {
  GrantRoundDraft,
  ROLE_GROUPS,
  RoundState,
  createGrantRound,
  getGrantRound,
  listGrantRounds,
  updateGrantRound,
} from '@bandanh/contracts';
import { DENIED, IdempotencyHeader, createdAnswers, defineRoute, idParam, problem } from '../http/route-def';

/** Who sees rounds: grant staff, reviewers, and CBO members (the service narrows them to rounds open to their CBO). */
const ROUND_READERS = [...ROLE_GROUPS.grantReaders, ...ROLE_GROUPS.reviewers, ...ROLE_GROUPS.grantApplicants];

/** Grant rounds: opened and changed by admins, read by grant staff and by the CBOs that may apply. */
export const GRANT_ROUND_ROUTES = {
  listGrantRounds: defineRoute({
    method: 'GET',
    path: '/api/grants/rounds',
    operationId: 'listGrantRounds',
    summary: 'Grant rounds, newest first (a CBO member: the open rounds their CBO may apply to, and its own)',
    tag: 'grants',
    access: ROUND_READERS,
    query: z.object({ state: RoundState.optional() }),
    status: 200,
    responses: { 200: { description: 'Rounds', schema: listGrantRounds.response }, ...DENIED },
  }),
  getGrantRound: defineRoute({
    method: 'GET',
    path: '/api/grants/rounds/:id',
    operationId: 'getGrantRound',
    summary: 'One round, with what is left of its envelope',
    tag: 'grants',
    access: ROUND_READERS,
    params: idParam('Round'),
    status: 200,
    responses: {
      200: { description: 'The round', schema: getGrantRound.response },
      404: problem('No such round, or not one you may see'),
      ...DENIED,
    },
  }),
  createGrantRound: defineRoute({
    method: 'POST',
    path: '/api/grants/rounds',
    operationId: 'createGrantRound',
    summary:
      'Opens a grant round: envelope, limits, dates, who may apply, rubric, reviewers and approval chain',
    tag: 'grants',
    access: ROLE_GROUPS.roundKeepers,
    headers: IdempotencyHeader,
    body: GrantRoundDraft,
    status: 201,
    responses: {
      ...createdAnswers('The round', createGrantRound.response),
      400: problem('A field is missing or wrong (limits out of order, closing before opening…)'),
      ...DENIED,
    },
  }),
  updateGrantRound: defineRoute({
    method: 'PUT',
    path: '/api/grants/rounds/:id',
    operationId: 'updateGrantRound',
    summary: 'Changes a round (its rubric, currency and chain stay once it has applications)',
    tag: 'grants',
    access: ROLE_GROUPS.roundKeepers,
    params: idParam('Round'),
    body: GrantRoundDraft,
    status: 200,
    responses: {
      200: { description: 'The round', schema: updateGrantRound.response },
      400: problem('A field is missing or wrong'),
      404: problem('No such round'),
      409: problem('`round_in_use` or `budget_below_committed` (`details.committed`)'),
      ...DENIED,
    },
  }),
} as const;
