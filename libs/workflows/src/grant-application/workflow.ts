import {
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
  type defineUpdate,
} from '@temporalio/workflow';
import type {
  ApplicationStage,
  EligibilityCheck,
  GrantApplicationRun,
  GrantRefusal,
  RunApprovalStep,
  TaskKind,
} from '@bandanh/contracts';
import { ACTIVITY_OPTIONS } from '../shared/activity-options';
import {
  REFUSAL,
  type Actor,
  type OpenTaskInput,
  type RefusalType,
  type TaskTimings,
} from '../shared/definitions';
import { closeTask, followUp, taskIdFor, taskInput } from '../shared/human-step';
import { OneStepAtATime } from '../shared/one-step-at-a-time';
import { passOn, refuse, requireActorGroup, type RefusalDetails } from '../shared/refusals';
import {
  decideApprovalUpdate,
  decideEligibilityUpdate,
  declareConflictUpdate,
  grantApplicationViewQuery,
  resubmittedSignal,
  scoreUpdate,
  type GrantApplicationActivities,
  type GrantApplicationInput,
  type GrantApplicationView,
} from './definitions';
import {
  activeReviews,
  approvalRefusal,
  automaticDeclineReason,
  maxApprovable,
  reviewersMissing,
  reviewsComplete,
  reviewStepRefusal,
  runSteps,
  type RunReview,
} from './rules';

const act = proxyActivities<GrantApplicationActivities>(ACTIVITY_OPTIONS);

/** How long a step that arrives while the workflow is on its way to the step's stage waits for it. */
const ARRIVAL_WAIT = '5 seconds';

/** What each stage's step is called in a refusal ("… so it cannot be scored now"). */
const wrongStage = (stage: ApplicationStage, step: string) =>
  refuse(`The application is at the ${stage} stage, so it cannot ${step} now`, REFUSAL.wrongStage, {
    reason: 'wrong_stage' satisfies GrantRefusal,
    stage,
  });

/** A refused step with its reason (and, for a field's mistake, the field named in `issues`). */
function refusal(
  message: string,
  reason: GrantRefusal,
  type: RefusalType = REFUSAL.wrongStage,
  extra: Omit<RefusalDetails, 'reason'> = {},
) {
  return refuse(message, type, { reason, ...extra });
}

function fieldRefusal(
  message: string,
  reason: GrantRefusal,
  path: string,
  extra: Record<string, unknown> = {},
) {
  return refusal(message, reason, REFUSAL.invalid, {
    ...extra,
    issues: [{ path, code: reason, message }],
  });
}

/**
 * One grant application, from its submission to the agreement, and the single writer of its
 * stages: the automatic eligibility rules (a failure declines it, with the rules as its reason),
 * a coordinator's check (eligible, or ineligible with the reason the CBO reads), the review
 * (reviewers assigned without a conflict, each declaring before scoring; a conflict reassigns
 * it; too few reviewers free are asked for again after `reviewerRetry`), then the approval chain
 * step by step (each step's role, four eyes, never more than requested or an earlier step
 * approved; the last approval takes the amount from the round's envelope or is refused), and the
 * decision: approved (then waiting for the agreement), declined (the end) or returned for
 * changes (waiting for the CBO to submit it again, which starts the next cycle at eligibility).
 * Each staff step is an update whose validator refuses it before anything changes; each human
 * step is an inbox task, reminded and escalated when overdue.
 */
export async function grantApplication(input: GrantApplicationInput): Promise<ApplicationStage> {
  const { applicationId, cboId, label } = input;
  const workflowId = workflowInfo().workflowId;
  const gate = new OneStepAtATime<ApplicationStage>(
    'Another step for this application is being recorded; try again in a moment',
  );
  const state = {
    stage: 'submitted' as ApplicationStage,
    /** How many times it was submitted; a return and a resubmission start the next cycle. */
    cycle: 1,
    /** The latest cycle the grants service said was submitted. */
    submittedCycle: 1,
    requested: 0,
    check: null as EligibilityCheck | null,
    eligibility: null as GrantApplicationRun['eligibility']['decision'],
    eligibilityTaskId: null as string | null,
    reviewersNeeded: 0,
    reviews: [] as RunReview[],
    /** Everyone who was ever assigned to review it, in any cycle: none of them may approve it. */
    reviewedBy: new Set<string>(),
    excludedApprovers: [] as string[],
    steps: [] as RunApprovalStep[],
    currentStep: null as number | null,
    /** The open approval task of the current step, once its opening is recorded. */
    approvalTaskId: null as string | null,
    /** Its reminder and escalation, as its opening answered. */
    approvalTimings: null as TaskTimings | null,
    approvedAmount: null as number | null,
    /** The n-th task of each kind, across cycles: each task id is used once. */
    seq: {} as Partial<Record<TaskKind, number>>,
    /** Requests for reviewers made, and decisions tried: each its own event id. */
    assignments: 0,
    attempts: 0,
  };
  const now = () => new Date().toISOString();
  const eventId = (name: string) => `${workflowId}:${state.cycle}:${name}`;
  const nextTaskId = (kind: TaskKind) => {
    const seq = (state.seq[kind] ?? 0) + 1;
    state.seq[kind] = seq;
    return taskIdFor(kind, seq);
  };
  const openTask = (task: Omit<OpenTaskInput, 'workflowId' | 'cboId' | 'subjectId' | 'subjectLabel'>) =>
    act.openTask(taskInput({ ...task, cboId, subjectId: applicationId, subjectLabel: label }));

  const view = (): GrantApplicationView => ({
    applicationId,
    workflowId,
    stage: state.stage,
    cycle: state.cycle,
    requested: state.requested,
    eligibility: {
      check: state.check && { passed: state.check.passed, failed: [...state.check.failed] },
      decision: state.eligibility && { ...state.eligibility },
      taskId: state.eligibilityTaskId,
    },
    reviewersNeeded: state.reviewersNeeded,
    reviews: state.reviews.map((review) => ({ ...review })),
    steps: state.steps.map((step) => ({ ...step })),
    currentStep: state.stage === 'approval' ? state.currentStep : null,
    approvalTaskId: state.stage === 'approval' ? state.approvalTaskId : null,
    approvedAmount: state.approvedAmount,
  });
  setHandler(grantApplicationViewQuery, view);

  /**
   * A validator's check of the stage: true when the step must first wait for the workflow's own
   * move in flight (with `mayWait`), else it throws the wrong stage's or the busy refusal.
   */
  const admit = (stage: ApplicationStage, step: string, mayWait: boolean) =>
    gate.admit(
      state.stage,
      (at) => at === stage,
      () => wrongStage(state.stage, step),
      mayWait,
    );

  /**
   * A person's step: `check` refuses it before anything changes (in the validator, and again in
   * the handler, after waiting for a move on its way to the step's stage), then it is recorded,
   * one step at a time.
   */
  function staffStep<A extends { actor: Actor }>(
    update: ReturnType<typeof defineUpdate<GrantApplicationView, [A]>>,
    check: (args: A, mayWait: boolean) => void,
    run: (args: A) => Promise<void>,
  ) {
    setHandler(
      update,
      async (args) => {
        await gate.landed(ARRIVAL_WAIT);
        check(args, false);
        await gate.run(() => run(args));
        return view();
      },
      { validator: (args) => check(args, true) },
    );
  }

  staffStep(
    decideEligibilityUpdate,
    ({ actor, outcome, reason }, mayWait) => {
      requireActorGroup(actor, 'eligibilityCheckers', "check an application's eligibility");
      if (admit('eligibility', 'be checked for eligibility', mayWait)) return;
      if (outcome !== 'eligible' && outcome !== 'ineligible') {
        throw refuse('Say whether it is eligible', REFUSAL.invalid);
      }
      if (outcome === 'ineligible' && !reason.trim()) {
        throw fieldRefusal('Give the reason the CBO will read', 'reason_required', 'reason');
      }
    },
    async ({ actor, outcome, reason }) => {
      const decision = { outcome, reason: reason.trim(), decidedBy: actor.userId };
      if (outcome === 'eligible') {
        await act
          .recordGrantStage({
            applicationId,
            stage: 'review',
            eligibility: decision,
            eventId: eventId('review'),
          })
          .catch(passOn);
      } else {
        await act
          .decideGrant({
            applicationId,
            outcome: 'declined',
            step: null,
            role: null,
            decidedBy: actor.userId,
            amount: null,
            reason: decision.reason,
            eventId: eventId('eligibility-decline'),
          })
          .catch(passOn);
      }
      if (state.eligibilityTaskId) await closeTask(state.eligibilityTaskId, 'done', actor.userId);
      state.eligibility = { ...decision, decidedAt: now() };
      state.stage = outcome === 'eligible' ? 'review' : 'declined';
    },
  );

  /** The actor's review step, refused as the review rules say. */
  const requireReviewStep = (actor: Actor, step: 'declare' | 'score', mayWait: boolean) => {
    requireActorGroup(actor, 'reviewers', step === 'declare' ? 'declare a conflict' : 'score an application');
    if (admit('review', step === 'declare' ? 'take declarations' : 'be scored', mayWait)) return;
    const refused = reviewStepRefusal(state.reviews, actor.userId, step);
    if (refused === 'not_assigned') {
      throw refusal('You are not assigned to review this application', 'not_assigned');
    }
    if (refused === 'not_declared') {
      throw refusal('Declare first whether you have a conflict with this application', 'not_declared');
    }
    if (refused === 'already_done') {
      throw refusal(
        step === 'declare'
          ? 'You have already made your declaration'
          : 'You have already scored this application',
        'already_done',
      );
    }
  };
  const reviewOf = (userId: string) =>
    activeReviews(state.reviews).find((review) => review.reviewerId === userId)!;

  staffStep(
    declareConflictUpdate,
    ({ actor }, mayWait) => requireReviewStep(actor, 'declare', mayWait),
    async ({ actor, conflict, note }) => {
      const review = reviewOf(actor.userId);
      await act
        .declareGrantReview({
          applicationId,
          reviewerId: actor.userId,
          conflict,
          note: note.trim(),
          eventId: eventId(`declare:${review.taskId}`),
        })
        .catch(passOn);
      // A conflict ends the assignment: its task is cancelled, and another reviewer is assigned.
      if (conflict) await closeTask(review.taskId, 'cancelled', actor.userId);
      review.status = conflict ? 'conflict' : 'cleared';
    },
  );

  staffStep(
    scoreUpdate,
    ({ actor, scores }, mayWait) => {
      requireReviewStep(actor, 'score', mayWait);
      if (scores.length === 0) throw refuse('Score every criterion', REFUSAL.invalid);
    },
    async ({ actor, scores, comment }) => {
      const review = reviewOf(actor.userId);
      await act
        .recordGrantReview({
          applicationId,
          reviewerId: actor.userId,
          scores,
          comment: comment.trim(),
          eventId: eventId(`review:${review.taskId}`),
        })
        .catch(passOn);
      await closeTask(review.taskId, 'done', actor.userId);
      review.status = 'scored';
    },
  );

  staffStep(
    decideApprovalUpdate,
    ({ actor, outcome, amount, reason }, mayWait) => {
      requireActorGroup(actor, 'grantApprovers', 'decide on a grant');
      if (admit('approval', 'be decided', mayWait)) return;
      if (outcome !== 'approve' && outcome !== 'decline' && outcome !== 'return') {
        throw refuse('Approve, decline or return it', REFUSAL.invalid);
      }
      if (amount !== undefined && (!Number.isInteger(amount) || amount < 1)) {
        throw refuse('The amount must be a whole number of cents, more than 0', REFUSAL.invalid);
      }
      const refused = approvalRefusal(
        actor,
        { outcome, amount, reason },
        {
          reviewerIds: [...state.reviewedBy],
          excludedApprovers: state.excludedApprovers,
          steps: state.steps,
          current: state.currentStep ?? 0,
          requested: state.requested,
        },
      );
      if (!refused) return;
      if (refused.reason === 'not_your_step') {
        throw refusal(
          `This step of the chain is decided by the ${refused.role}`,
          'not_your_step',
          REFUSAL.wrongStage,
          {
            role: refused.role,
          },
        );
      }
      if (refused.reason === 'four_eyes') {
        const why = {
          reviewed: 'You reviewed this application',
          excluded: 'You assessed this CBO or submitted this application',
          earlier_step: 'You decided an earlier step of its chain',
        }[refused.why];
        throw refusal(`${why}, so someone else must decide (four eyes)`, 'four_eyes', REFUSAL.wrongStage, {
          why: refused.why,
        });
      }
      if (refused.reason === 'amount_too_high') {
        throw fieldRefusal(
          'The amount is above what was requested or approved at an earlier step',
          'amount_too_high',
          'amount',
          { max: refused.max },
        );
      }
      throw fieldRefusal(
        outcome === 'decline' ? 'Give the reason for the decline' : 'Say what the CBO must change',
        'reason_required',
        'reason',
      );
    },
    async ({ actor, outcome, amount, reason }) => {
      const index = state.currentStep!;
      const step = state.steps[index];
      const taskId = state.approvalTaskId!;
      const last = index === state.steps.length - 1;
      const approved =
        outcome === 'approve' ? (amount ?? maxApprovable(state.requested, state.steps, index)) : null;
      state.attempts += 1;
      // The last approval takes the amount from the envelope: refused (envelope_exhausted), the
      // update fails and nothing here changes; the task stays open for a later try.
      await act
        .decideGrant({
          applicationId,
          outcome:
            outcome === 'approve'
              ? last
                ? 'approved'
                : 'step_approved'
              : outcome === 'decline'
                ? 'declined'
                : 'returned',
          step: index,
          role: step.role,
          decidedBy: actor.userId,
          amount: approved,
          reason: reason.trim() || null,
          eventId: eventId(`decision:${index}:${state.attempts}`),
        })
        .catch(passOn);
      await closeTask(taskId, 'done', actor.userId);
      state.steps[index] = {
        ...step,
        outcome,
        decidedBy: actor.userId,
        amount: approved,
        reason: reason.trim() || null,
        decidedAt: now(),
      };
      if (outcome !== 'approve') {
        state.approvalTaskId = null;
        state.stage = outcome === 'decline' ? 'declined' : 'returned';
      } else if (last) {
        state.approvalTaskId = null;
        state.approvedAmount = approved;
        state.stage = 'agreement';
      } else {
        // The next step's task opens in the same move: no moment without a step to decide.
        await openApprovalTask(index + 1);
      }
    },
  );

  /** Opens the task of step `index` of the chain, for its role, and makes it the current step. */
  async function openApprovalTask(index: number): Promise<void> {
    const taskId = nextTaskId('approve_grant');
    const timings = await openTask({ taskId, kind: 'approve_grant', assigneeRole: state.steps[index].role });
    state.currentStep = index;
    state.approvalTaskId = taskId;
    state.approvalTimings = timings;
  }

  setHandler(resubmittedSignal, ({ cycle }) => {
    if (cycle > state.submittedCycle) state.submittedCycle = cycle;
  });

  /** Each review task's reminders and escalation, running beside the workflow's main line. */
  const reviewFollowUps: Array<Promise<void>> = [];

  /** Assigns up to `count` reviewers, opens each one's task, tells them, and follows it up. */
  async function assignReviewers(count: number): Promise<number> {
    state.assignments += 1;
    const { reviewerIds } = await act.assignGrantReviewers({
      applicationId,
      count,
      eventId: eventId(`assign:${state.assignments}`),
    });
    let added = 0;
    for (const reviewerId of reviewerIds) {
      if (activeReviews(state.reviews).some((review) => review.reviewerId === reviewerId)) continue;
      const taskId = nextTaskId('review_grant');
      const timings = await openTask({
        taskId,
        kind: 'review_grant',
        assigneeRole: 'reviewer',
        assigneeUserId: reviewerId,
      });
      const review: RunReview = { reviewerId, status: 'assigned', taskId };
      state.reviews.push(review);
      state.reviewedBy.add(reviewerId);
      added += 1;
      await act.notifyGrantReviewer({ applicationId, reviewerId, taskId, label });
      reviewFollowUps.push(
        followUp(taskId, timings, () => review.status === 'scored' || review.status === 'conflict'),
      );
    }
    return added;
  }

  /** One cycle, from the submission to its decision: the stage it ends at. */
  async function runCycle(): Promise<ApplicationStage> {
    // Submitted: the automatic rules are the workflow's own move; a step sent meanwhile waits.
    let eligibility: { taskId: string; timings: TaskTimings } | null = null;
    await gate.run(
      async () => {
        const begun = await act.beginGrantRun({ applicationId, eventId: eventId('begin') });
        state.check = begun.check;
        state.requested = begun.requested;
        state.reviewersNeeded = Math.max(1, begun.reviewersPerApplication);
        state.excludedApprovers = [...begun.excludedApprovers];
        state.steps = runSteps(begun.steps);
        if (!begun.check.passed) {
          gate.heading(['declined']);
          await act.decideGrant({
            applicationId,
            outcome: 'declined',
            step: null,
            role: null,
            decidedBy: null,
            amount: null,
            reason: automaticDeclineReason(begun.check),
            eventId: eventId('rules-decline'),
          });
          state.stage = 'declined';
          return;
        }
        gate.heading(['eligibility']);
        const taskId = nextTaskId('check_grant_eligibility');
        const timings = await openTask({
          taskId,
          kind: 'check_grant_eligibility',
          assigneeRole: 'coordinator',
        });
        state.eligibilityTaskId = taskId;
        state.stage = 'eligibility';
        eligibility = { taskId, timings };
      },
      ['eligibility', 'declined'],
      true,
    );
    const opened = eligibility as { taskId: string; timings: TaskTimings } | null;
    if (!opened) return state.stage;

    // Eligibility: the coordinator's check.
    await followUp(opened.taskId, opened.timings, () => state.stage !== 'eligibility');
    await condition(() => !gate.busy);
    if (state.stage !== 'review') return state.stage;

    // Review: enough reviewers without a conflict, each declaring, then scoring.
    while (!reviewsComplete(state.reviews, state.reviewersNeeded)) {
      await condition(() => !gate.busy);
      const missing = reviewersMissing(state.reviews, state.reviewersNeeded);
      if (missing > 0) {
        if (gate.busy) continue;
        const added = await gate.run(() => assignReviewers(missing), ['review'], true);
        // Too few free: ask again after a while (a reviewer's conflict may free one meanwhile).
        if (added < missing) await sleep(input.reviewerRetry);
        continue;
      }
      await condition(
        () =>
          !gate.busy &&
          (reviewsComplete(state.reviews, state.reviewersNeeded) ||
            reviewersMissing(state.reviews, state.reviewersNeeded) > 0),
      );
    }

    // Approval: each step of the chain in order, its task for the step's role; each decision
    // opens the next step's task itself, and the workflow follows each one up.
    await condition(() => !gate.busy);
    await gate.run(
      async () => {
        await act.recordGrantStage({ applicationId, stage: 'approval', eventId: eventId('approval') });
        await openApprovalTask(0);
        state.stage = 'approval';
      },
      ['approval'],
      true,
    );
    // Read through a function: the decisions' handlers move the stage while the workflow waits.
    const stage = (): ApplicationStage => state.stage;
    while (stage() === 'approval') {
      const taskId = state.approvalTaskId!;
      await followUp(taskId, state.approvalTimings!, () => state.approvalTaskId !== taskId);
      await condition(() => !gate.busy);
    }
    await condition(() => !gate.busy);
    return state.stage;
  }

  for (;;) {
    const ended = await runCycle();
    if (ended !== 'returned') break;
    // Returned for changes: the CBO edits its draft, and the grants service says when it is in again.
    await condition(() => state.submittedCycle > state.cycle);
    state.cycle = state.submittedCycle;
    state.stage = 'submitted';
    state.check = null;
    state.eligibility = null;
    state.eligibilityTaskId = null;
    state.reviews = [];
    state.steps = [];
    state.currentStep = null;
    state.approvalTaskId = null;
    state.approvalTimings = null;
  }

  if (state.stage === 'agreement') {
    // Approved: the grant waits for its agreement. THE NEXT PART OF THE PROGRAMME GOES HERE —
    // the agreement's signature, the tranches, the activity reports — each a signal or an update
    // that moves the stage on from `agreement` (behind `patched()` for runs already waiting).
    await condition(() => state.stage !== 'agreement');
  }
  await condition(allHandlersFinished);
  return state.stage;
}
