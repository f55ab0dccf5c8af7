import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  ApplicationStage,
  ApprovalOutcome,
  ApprovalRole,
  ApprovalStep,
  CriterionScore,
  EligibilityCheck,
  GrantApplicationRun,
  grantApplicationWorkflowId,
} from '@bandanh/contracts';
import type { Actor, TaskActivities } from '../shared/definitions';

/** The registered name of the grant application workflow. */
export const GRANT_APPLICATION_WORKFLOW = 'grantApplication';

/** One workflow per application; the contracts' id, restated so that the bundle does not load zod. */
export const grantApplicationRunWorkflowId = ((applicationId: string) =>
  `grant-application-${applicationId}`) satisfies typeof grantApplicationWorkflowId;

export interface GrantApplicationInput {
  applicationId: string;
  cboId: string;
  roundId: string;
  /** How the inbox's tasks name it: the reference and the title, never the CBO's name (blind rounds). */
  label: string;
  /**
   * How long to wait before asking again for reviewers when fewer were free than needed (a
   * duration: '1 hour', '30 minutes'), from the orchestrator's configuration.
   */
  reviewerRetry: string;
}

/** What the workflow shows of itself: the contracts' run. A query: it changes no history. */
export type GrantApplicationView = GrantApplicationRun;

export const grantApplicationViewQuery = defineQuery<GrantApplicationView>('view');

/** A coordinator's eligibility check: `ineligible` needs the reason the CBO reads. */
export const decideEligibilityUpdate = defineUpdate<
  GrantApplicationView,
  [{ actor: Actor; outcome: 'eligible' | 'ineligible'; reason: string }]
>('decideEligibility');

/** An assigned reviewer declares whether they have a conflict (one ends their assignment). */
export const declareConflictUpdate = defineUpdate<
  GrantApplicationView,
  [{ actor: Actor; conflict: boolean; note: string }]
>('declareConflict');

/** An assigned reviewer who declared no conflict scores the application. */
export const scoreUpdate = defineUpdate<
  GrantApplicationView,
  [{ actor: Actor; scores: CriterionScore[]; comment: string }]
>('score');

/** The current step's approver decides: approve (perhaps for less), decline or return, with a reason. */
export const decideApprovalUpdate = defineUpdate<
  GrantApplicationView,
  [{ actor: Actor; outcome: ApprovalOutcome; amount?: number; reason: string }]
>('decide');

/**
 * The CBO submitted its returned application again (the grants service's outbox): a workflow
 * at `returned` starts over at eligibility with `cycle`. An older cycle's signal changes nothing.
 */
export const resubmittedSignal = defineSignal<[{ cycle: number }]>('resubmitted');

/**
 * What the application's workflow asks of the outside world; implemented by the orchestrator,
 * forwarding to the grants service (`grants.run.*`). Every call carries an event id of the
 * workflow's, so a retried activity records nothing twice.
 */
export interface GrantApplicationActivities extends TaskActivities {
  /** The automatic rules and what the run needs; moves the application to `eligibility`. */
  beginGrantRun(input: { applicationId: string; eventId: string }): Promise<{
    check: EligibilityCheck;
    steps: ApprovalStep[];
    reviewersPerApplication: number;
    excludedApprovers: string[];
    requested: number;
  }>;
  /** The stage reached (`review`, carrying the coordinator's check, and `approval`). */
  recordGrantStage(input: {
    applicationId: string;
    stage: ApplicationStage;
    eligibility?: { outcome: 'eligible' | 'ineligible'; reason: string; decidedBy: string };
    eventId: string;
  }): Promise<void>;
  /** Assigns up to `count` reviewers without a conflict; answers who (possibly fewer). */
  assignGrantReviewers(input: {
    applicationId: string;
    count: number;
    eventId: string;
  }): Promise<{ reviewerIds: string[] }>;
  /** A reviewer's declaration: no conflict, or a conflict (their assignment ends). */
  declareGrantReview(input: {
    applicationId: string;
    reviewerId: string;
    conflict: boolean;
    note: string;
    eventId: string;
  }): Promise<void>;
  /** A reviewer's scores on the round's rubric. */
  recordGrantReview(input: {
    applicationId: string;
    reviewerId: string;
    scores: CriterionScore[];
    comment: string;
    eventId: string;
  }): Promise<void>;
  /**
   * A decision: an earlier step's approval, the final approval (which takes the amount from the
   * round's envelope, or is refused as CONFLICT `envelope_exhausted`), a decline or a return.
   */
  decideGrant(input: {
    applicationId: string;
    outcome: 'step_approved' | 'approved' | 'declined' | 'returned';
    step: number | null;
    role: ApprovalRole | null;
    decidedBy: string | null;
    amount: number | null;
    reason: string | null;
    eventId: string;
  }): Promise<void>;
  /** Tells an assigned reviewer of their review task (`grant_review_assigned`), once per task. */
  notifyGrantReviewer(input: {
    applicationId: string;
    reviewerId: string;
    taskId: string;
    label: string;
  }): Promise<void>;
}
