import { z } from 'zod';
import {
  GrantApplicationRun,
  ROLE_GROUPS,
  decideGrantApproval,
  decideGrantEligibility,
  declareGrantReviewConflict,
  scoreGrantApplication,
} from '@bandanh/contracts';
import { DENIED, defineRoute, idParam, problem } from '../http/route-def';

const ApplicationId = idParam('Application');

const STEP_REFUSED =
  'The step is refused: `details.reason` (`wrong_stage` with `details.stage`, `busy`, `four_eyes`, `not_your_step`, `envelope_exhausted`…)';

/**
 * An application's run (its workflow): where it stands, and each staff step as an update —
 * the coordinator's eligibility check, a reviewer's declaration and scores, an approver's decision.
 */
export const GRANT_RUN_ROUTES = {
  getGrantApplicationRun: defineRoute({
    method: 'GET',
    path: '/api/grants/applications/:id/run',
    operationId: 'getGrantApplicationRun',
    summary: "Where an application's workflow is: eligibility, reviewers, the chain's steps",
    tag: 'grants',
    access: [...ROLE_GROUPS.grantReaders, ...ROLE_GROUPS.reviewers],
    params: ApplicationId,
    status: 200,
    responses: {
      200: { description: 'The run', schema: GrantApplicationRun },
      404: problem('No such application, or it has not been submitted'),
      ...DENIED,
    },
  }),
  decideGrantEligibility: defineRoute({
    method: 'POST',
    path: '/api/grants/applications/:id/eligibility',
    operationId: 'decideGrantEligibility',
    summary: "A coordinator's eligibility check, with the reason (the CBO reads an ineligible one's)",
    tag: 'grants',
    access: ROLE_GROUPS.eligibilityCheckers,
    params: ApplicationId,
    body: decideGrantEligibility.request.omit({ applicationId: true }),
    status: 200,
    responses: {
      200: { description: 'The run', schema: GrantApplicationRun },
      400: problem('A field is missing or wrong (`reason_required`)'),
      404: problem('No such application'),
      409: problem(STEP_REFUSED),
      ...DENIED,
    },
  }),
  declareGrantReviewConflict: defineRoute({
    method: 'POST',
    path: '/api/grants/applications/:id/declaration',
    operationId: 'declareGrantReviewConflict',
    summary: 'An assigned reviewer declares whether they have a conflict (one reassigns the review)',
    tag: 'grants',
    access: ROLE_GROUPS.reviewers,
    params: ApplicationId,
    // Said outright: a missing `conflict` must not pass as "no conflict" (the contract coerces).
    body: declareGrantReviewConflict.request.omit({ applicationId: true }).extend({
      conflict: z.boolean({ error: 'Say whether you have a conflict (true or false)' }),
    }),
    status: 200,
    responses: {
      200: { description: 'The run', schema: GrantApplicationRun },
      400: problem('A field is missing or wrong'),
      404: problem('No such application'),
      409: problem('`not_assigned`, `already_done`, `wrong_stage` or `busy`'),
      ...DENIED,
    },
  }),
  scoreGrantApplication: defineRoute({
    method: 'POST',
    path: '/api/grants/applications/:id/review',
    operationId: 'scoreGrantApplication',
    summary: "An assigned reviewer's scores on the round's rubric, with comments",
    tag: 'grants',
    access: ROLE_GROUPS.reviewers,
    params: ApplicationId,
    body: scoreGrantApplication.request.omit({ applicationId: true }),
    status: 200,
    responses: {
      200: { description: 'The run', schema: GrantApplicationRun },
      400: problem('A score is missing, unknown or above its top (`details.issues`)'),
      404: problem('No such application'),
      409: problem('`not_assigned`, `not_declared`, `already_done`, `wrong_stage` or `busy`'),
      ...DENIED,
    },
  }),
  decideGrantApproval: defineRoute({
    method: 'POST',
    path: '/api/grants/applications/:id/decision',
    operationId: 'decideGrantApproval',
    summary: "The current step's approver approves (perhaps for less), declines or returns it for changes",
    tag: 'grants',
    access: ROLE_GROUPS.grantApprovers,
    params: ApplicationId,
    body: decideGrantApproval.request.omit({ applicationId: true }),
    status: 200,
    responses: {
      200: { description: 'The run', schema: GrantApplicationRun },
      400: problem('A field is missing or wrong (`reason_required`, `amount_too_high`)'),
      404: problem('No such application'),
      409: problem(STEP_REFUSED),
      ...DENIED,
    },
  }),
} as const;
