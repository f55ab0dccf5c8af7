import { z } from 'zod';
import { APPROVAL_OUTCOMES } from '../constants/grants';
import { defineContract, WORKFLOW_STEP_TIMEOUT_MS } from '../contract';
import { ApplicationStage, EligibilityCheck } from '../grants/applications';
import { EligibilityDecision, ReviewScores } from '../grants/application-run';
import { ReviewStatus } from '../grants/reviews';
import { ApprovalRole } from '../grants/rounds';

/**
 * A grant application's run, as its workflow (orchestrator) keeps it: one workflow per
 * application, the single writer of its stages — eligibility (the rules, then a coordinator),
 * review (reviewers assigned, each declaring conflicts and scoring), the approval chain step by
 * step, the decision, then waiting for the agreement. The grants service starts it (from its
 * outbox, on the first submission) and tells it of a resubmission after a return; staff take
 * each step through the gateway, each an update with a validator.
 */

/** One workflow per application; the id is derived from the application's. */
export function grantApplicationWorkflowId(applicationId: string): string {
  return `grant-application-${applicationId}`;
}

export const ApprovalOutcome = z.enum(APPROVAL_OUTCOMES, { error: 'Approve, decline or return it' });
export type ApprovalOutcome = z.infer<typeof ApprovalOutcome>;

/** One step of the chain as the run has it. */
export const RunApprovalStep = z.object({
  role: ApprovalRole,
  aboveAmount: z.number().int(),
  outcome: ApprovalOutcome.nullable(),
  decidedBy: z.uuid().nullable(),
  amount: z.number().int().nullable(),
  reason: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type RunApprovalStep = z.infer<typeof RunApprovalStep>;

/** What the application's workflow shows of itself. */
export const GrantApplicationRun = z.object({
  applicationId: z.uuid(),
  workflowId: z.string(),
  stage: ApplicationStage,
  /** How many times it was submitted (a return and a resubmission make 2). */
  cycle: z.number().int(),
  requested: z.number().int(),
  eligibility: z.object({
    check: EligibilityCheck.nullable(),
    decision: EligibilityDecision.extend({ decidedBy: z.uuid(), decidedAt: z.string() }).nullable(),
    taskId: z.string().nullable(),
  }),
  reviewersNeeded: z.number().int(),
  reviews: z.array(z.object({ reviewerId: z.uuid(), status: ReviewStatus, taskId: z.string() })),
  steps: z.array(RunApprovalStep),
  /** The step of the chain that decides now, while in `approval`. */
  currentStep: z.number().int().nullable(),
  /** The open approval task, while in `approval`. */
  approvalTaskId: z.string().nullable(),
  approvedAmount: z.number().int().nullable(),
});
export type GrantApplicationRun = z.infer<typeof GrantApplicationRun>;

/**
 * Starts an application's workflow, once (`started: false` when it runs already). The grants
 * service's outbox only (signed caller `grants`), in the transaction of the first submission.
 */
export const startGrantApplicationRun = defineContract({
  subject: 'orchestrator.grants.application.start',
  request: z.object({
    applicationId: z.uuid(),
    cboId: z.uuid(),
    roundId: z.uuid(),
    /** How the inbox's tasks name it (reference and title). */
    label: z.string().trim().min(1).max(300),
  }),
  response: z.object({ workflowId: z.string(), started: z.boolean() }),
});

/**
 * Tells a returned application's workflow that the CBO submitted it again: it starts over at
 * eligibility (grants outbox only). Signalling a workflow not waiting for it changes nothing.
 */
export const signalGrantResubmitted = defineContract({
  subject: 'orchestrator.grants.application.resubmitted',
  request: z.object({ applicationId: z.uuid(), cycle: z.number().int().min(2) }),
  response: z.object({ signalled: z.boolean() }),
});

/** An application's run (grant readers, and its assigned reviewers). NOT_FOUND without one. */
export const getGrantApplicationRun = defineContract({
  subject: 'orchestrator.grants.application.get',
  request: z.object({ applicationId: z.uuid() }),
  response: GrantApplicationRun,
});

/**
 * A coordinator's eligibility check (coordinators and admins), while in `eligibility`:
 * `ineligible` needs the reason the CBO will read, and declines the application.
 */
export const decideGrantEligibility = defineContract({
  subject: 'orchestrator.grants.application.decideEligibility',
  timeoutMs: WORKFLOW_STEP_TIMEOUT_MS,
  request: EligibilityDecision.extend({ applicationId: z.uuid() }),
  response: GrantApplicationRun,
});

/**
 * An assigned reviewer declares, before seeing the application, whether they have a conflict:
 * a conflict ends their assignment and another reviewer is assigned. Only once per assignment.
 */
export const declareGrantReviewConflict = defineContract({
  subject: 'orchestrator.grants.application.declareConflict',
  timeoutMs: WORKFLOW_STEP_TIMEOUT_MS,
  request: z.object({
    applicationId: z.uuid(),
    conflict: z.boolean({ error: 'Say whether you have a conflict with this application' }),
    note: z.string().trim().max(1000, 'At most 1000 characters').default(''),
  }),
  response: GrantApplicationRun,
});

/** An assigned reviewer who declared no conflict scores the application on the round's rubric. */
export const scoreGrantApplication = defineContract({
  subject: 'orchestrator.grants.application.score',
  timeoutMs: WORKFLOW_STEP_TIMEOUT_MS,
  request: ReviewScores.extend({ applicationId: z.uuid() }),
  response: GrantApplicationRun,
});

/**
 * The current step's approver decides (a holder of its role; never someone who reviewed it,
 * assessed the CBO, submitted it or decided an earlier step: CONFLICT `four_eyes`). `approve`
 * may lower the amount (never above the requested or an earlier step's); `decline` and `return`
 * need the reason the CBO reads. The last approval takes the amount from the envelope
 * (CONFLICT `envelope_exhausted` when too little remains).
 */
export const decideGrantApproval = defineContract({
  subject: 'orchestrator.grants.application.decide',
  timeoutMs: WORKFLOW_STEP_TIMEOUT_MS,
  request: z.object({
    applicationId: z.uuid(),
    outcome: ApprovalOutcome,
    amount: z.coerce
      .number()
      .int('Give the amount in whole cents')
      .min(1, 'The amount must be more than 0')
      .optional(),
    reason: z.string().trim().max(2000, 'The reason must be at most 2000 characters').default(''),
  }),
  response: GrantApplicationRun,
});
