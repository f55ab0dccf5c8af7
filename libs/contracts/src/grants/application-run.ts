import { z } from 'zod';
import { ELIGIBILITY_OUTCOMES } from '../constants/grants';
import { defineContract } from '../contract';
import { ApplicationStage, EligibilityCheck, GrantApplication } from './applications';
import { CriterionScore, GrantReview } from './reviews';
import { ApprovalRole, ApprovalStep } from './rounds';

/**
 * What the application's workflow (orchestrator) asks of the grants service to persist each
 * step it has accepted. System caller `orchestrator` only; each carries the workflow's event id,
 * and a retried activity changes nothing the second time.
 */

const EventId = z.string().min(1).max(200);

/**
 * The automatic eligibility rules on a submitted application, and what the rest of the run
 * needs: the approval steps for its amount, how many reviewers, and who may not approve it
 * (the CBO's assessors and the submitter; reviewers are added as they are assigned). Moves the
 * application to `eligibility`.
 */
export const beginGrantApplicationRun = defineContract({
  subject: 'grants.run.begin',
  request: z.object({ applicationId: z.uuid(), eventId: EventId }),
  response: z.object({
    check: EligibilityCheck,
    steps: z.array(ApprovalStep),
    reviewersPerApplication: z.number().int(),
    /** Staff who may not approve: those who assessed the CBO, and whoever submitted it. */
    excludedApprovers: z.array(z.uuid()),
    requested: z.number().int(),
  }),
});

/** A coordinator's eligibility check, with their reasons (the CBO sees an ineligible one's). */
export const EligibilityDecision = z.object({
  outcome: z.enum(ELIGIBILITY_OUTCOMES, { error: 'Say whether it is eligible' }),
  reason: z.string().trim().max(2000, 'The reason must be at most 2000 characters').default(''),
});
export type EligibilityDecision = z.infer<typeof EligibilityDecision>;

/**
 * Records where the application stands (the workflow reports every stage it reaches); moving on
 * from `eligibility` carries the coordinator's check, kept and audited with it.
 */
export const recordGrantApplicationStage = defineContract({
  subject: 'grants.run.recordStage',
  request: z.object({
    applicationId: z.uuid(),
    stage: ApplicationStage,
    eligibility: EligibilityDecision.extend({ decidedBy: z.uuid() }).optional(),
    eventId: EventId,
  }),
  response: z.object({ application: GrantApplication }),
});

/**
 * Assigns up to `count` reviewers: staff with the `reviewer` role who have no conflict with the
 * CBO (they recorded or assessed it, trained it, declared a relationship with it, or declared a
 * conflict with this application) and are not already assigned to it, fewest open reviews first.
 * Answers who was assigned (possibly fewer than asked: then the workflow tries again later).
 */
export const assignGrantReviewers = defineContract({
  subject: 'grants.run.assignReviewers',
  request: z.object({ applicationId: z.uuid(), count: z.number().int().min(1).max(5), eventId: EventId }),
  response: z.object({ reviewerIds: z.array(z.uuid()) }),
});

/**
 * A reviewer's declaration before seeing the application: no conflict (they may now read and
 * score it), or a conflict (their assignment ends, and it counts as a declared relationship).
 */
export const recordGrantReviewDeclaration = defineContract({
  subject: 'grants.run.declare',
  request: z.object({
    applicationId: z.uuid(),
    reviewerId: z.uuid(),
    conflict: z.boolean(),
    note: z.string().trim().max(1000).default(''),
    eventId: EventId,
  }),
  response: z.object({ review: GrantReview }),
});

/** A reviewer's scores on the round's rubric: one per criterion, each within its top score. */
export const ReviewScores = z.object({
  scores: z.array(CriterionScore).min(1, 'Score every criterion').max(12),
  comment: z.string().trim().max(4000, 'The comment must be at most 4000 characters').default(''),
});
export type ReviewScores = z.infer<typeof ReviewScores>;

/**
 * Records a reviewer's scores. Scores that do not match the rubric (a criterion missing or
 * unknown, a score over its top) are VALIDATION_FAILED naming the criterion.
 */
export const recordGrantReview = defineContract({
  subject: 'grants.run.recordReview',
  request: ReviewScores.extend({ applicationId: z.uuid(), reviewerId: z.uuid(), eventId: EventId }),
  response: z.object({ review: GrantReview }),
});

/**
 * Records a decision. `approved` at the chain's last step takes `amount` from the round's
 * envelope atomically: more than remains is CONFLICT `envelope_exhausted` (`details.remaining`)
 * and nothing changes. `step_approved` records an earlier step's approval; `declined` and
 * `returned` carry the reason the CBO sees (`returned` reopens the draft).
 */
export const recordGrantDecision = defineContract({
  subject: 'grants.run.decide',
  request: z.object({
    applicationId: z.uuid(),
    outcome: z.enum(['step_approved', 'approved', 'declined', 'returned']),
    /** The step of the chain (0-based) and its role; null for an eligibility decline. */
    step: z.number().int().min(0).nullable(),
    role: ApprovalRole.nullable(),
    /** Who decided: a staff member, or null for the automatic rules. */
    decidedBy: z.uuid().nullable(),
    amount: z.number().int().min(0).nullable(),
    reason: z.string().max(2000).nullable(),
    eventId: EventId,
  }),
  response: z.object({ application: GrantApplication }),
});
