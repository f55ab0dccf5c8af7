import type {
  ApprovalOutcome,
  ApprovalStep,
  EligibilityCheck,
  ReviewStatus,
  RunApprovalStep,
  StaffRole,
} from '@bandanh/contracts';

/**
 * The application workflow's rules, pure: who may decide a step of the chain (its role, four
 * eyes), for how much, and where the reviews stand. The workflow turns each answer into its
 * refusal; `rules.spec.ts` holds them.
 */

/** The reason the automatic rules give a decline: `rules:<rule>,<rule>` (the catalogs say each). */
export function automaticDeclineReason(check: EligibilityCheck): string {
  return `rules:${check.failed.join(',')}`;
}

/**
 * The chain's steps for the requested amount, as the run keeps them. A chain that leaves no step
 * for the amount (the round's thresholds all above it) still needs someone to approve: one
 * `approver` step, so that no grant leaves the envelope unseen.
 */
export function runSteps(steps: readonly ApprovalStep[]): RunApprovalStep[] {
  const chain = steps.length ? steps : [{ role: 'approver' as const, aboveAmount: 0 }];
  return chain.map(({ role, aboveAmount }) => ({
    role,
    aboveAmount,
    outcome: null,
    decidedBy: null,
    amount: null,
    reason: null,
    decidedAt: null,
  }));
}

/** The most step `current` may approve: the requested amount, or less if an earlier step lowered it. */
export function maxApprovable(requested: number, steps: readonly RunApprovalStep[], current: number): number {
  return steps
    .slice(0, current)
    .reduce((max, step) => (step.amount !== null && step.amount < max ? step.amount : max), requested);
}

/** Who took part in the application and so may not approve it (four eyes). */
export interface FourEyesContext {
  /** Everyone assigned to review it, whatever they declared. */
  reviewerIds: readonly string[];
  /** Those who assessed the CBO, and whoever submitted the application (the grants service). */
  excludedApprovers: readonly string[];
  steps: readonly RunApprovalStep[];
  current: number;
}

/** Why `userId` may not decide the current step under four eyes, or null. */
export function fourEyesBreach(
  userId: string,
  context: FourEyesContext,
): 'reviewed' | 'excluded' | 'earlier_step' | null {
  if (context.reviewerIds.includes(userId)) return 'reviewed';
  if (context.excludedApprovers.includes(userId)) return 'excluded';
  if (context.steps.slice(0, context.current).some((step) => step.decidedBy === userId))
    return 'earlier_step';
  return null;
}

export type ApprovalRefusal =
  | { reason: 'not_your_step'; role: StaffRole }
  | { reason: 'four_eyes'; why: 'reviewed' | 'excluded' | 'earlier_step' }
  | { reason: 'amount_too_high'; max: number }
  | { reason: 'reason_required' };

/**
 * Whether the actor may decide the current step so, in this order: they hold its role (a later
 * step's role decides nothing yet: chain order), four eyes, an approval no higher than the most
 * it may be, a decline or return with its reason.
 */
export function approvalRefusal(
  actor: { userId: string; roles: readonly string[] },
  decision: { outcome: ApprovalOutcome; amount?: number; reason: string },
  context: FourEyesContext & { requested: number },
): ApprovalRefusal | null {
  const step = context.steps[context.current];
  if (!step || !actor.roles.includes(step.role)) {
    return { reason: 'not_your_step', role: step?.role ?? 'approver' };
  }
  const breach = fourEyesBreach(actor.userId, context);
  if (breach) return { reason: 'four_eyes', why: breach };
  if (decision.outcome === 'approve') {
    const max = maxApprovable(context.requested, context.steps, context.current);
    if (decision.amount !== undefined && decision.amount > max) return { reason: 'amount_too_high', max };
    return null;
  }
  return decision.reason.trim() ? null : { reason: 'reason_required' };
}

/** A reviewer's review as the run keeps it. */
export interface RunReview {
  reviewerId: string;
  status: ReviewStatus;
  taskId: string;
}

/** The reviews that still count (not ended by a declared conflict). */
export function activeReviews(reviews: readonly RunReview[]): RunReview[] {
  return reviews.filter((review) => review.status !== 'conflict');
}

/** How many more reviewers the application needs now. */
export function reviewersMissing(reviews: readonly RunReview[], needed: number): number {
  return Math.max(0, needed - activeReviews(reviews).length);
}

/** Whether every needed review is scored. */
export function reviewsComplete(reviews: readonly RunReview[], needed: number): boolean {
  return reviews.filter((review) => review.status === 'scored').length >= needed;
}

/**
 * Why a reviewer may not take a review step, or null: they must hold an open assignment
 * (`not_assigned`), declare before scoring (`not_declared`), and take each step once (`already_done`).
 */
export function reviewStepRefusal(
  reviews: readonly RunReview[],
  userId: string,
  step: 'declare' | 'score',
): 'not_assigned' | 'not_declared' | 'already_done' | null {
  const review = activeReviews(reviews).find((candidate) => candidate.reviewerId === userId);
  if (!review) return 'not_assigned';
  if (step === 'declare') return review.status === 'assigned' ? null : 'already_done';
  if (review.status === 'assigned') return 'not_declared';
  return review.status === 'scored' ? 'already_done' : null;
}
