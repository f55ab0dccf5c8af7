import type { WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { join } from 'node:path';
import type { ApplicationStage, ApprovalStep, EligibilityCheck } from '@bandanh/contracts';
import { waitFor } from '@bandanh/platform/testing';
import { FakeInbox } from '../../test/fake-inbox';
import {
  replayAndKeep,
  replayRecordedHistories,
  updateRefusal,
  useWorkflowTestEnvironment,
} from '../../test/workflow-test';
import type { Actor, TaskTimings } from '../shared/definitions';
import {
  GRANT_APPLICATION_WORKFLOW,
  decideApprovalUpdate,
  decideEligibilityUpdate,
  declareConflictUpdate,
  grantApplicationRunWorkflowId,
  grantApplicationViewQuery,
  resubmittedSignal,
  scoreUpdate,
  type GrantApplicationActivities,
  type GrantApplicationInput,
  type GrantApplicationView,
} from './definitions';

const person = (n: number, ...roles: Actor['roles']): Actor => ({
  userId: `${String(n).repeat(8)}-${String(n).repeat(4)}-4${String(n).repeat(3)}-8${String(n).repeat(3)}-${String(n).repeat(12)}`,
  roles,
});
const coordinator = person(1, 'coordinator');
const reviewerA = person(2, 'reviewer');
const reviewerB = person(3, 'reviewer');
const reviewerC = person(4, 'reviewer');
/** A reviewer who also sits in the chain: never on what they reviewed. */
const reviewerManager = person(5, 'reviewer', 'programme_manager');
const manager = person(6, 'programme_manager');
const committee = person(7, 'grant_committee');
/** Holds both steps' roles: may decide one of them, never both. */
const managerOnCommittee = person(8, 'programme_manager', 'grant_committee');
/** Assessed the CBO (the grants service names them among the excluded approvers). */
const assessorManager = person(9, 'programme_manager');

const SLOW: TaskTimings = { remindAfter: '1 hour', escalateAfter: '1 hour', escalateTo: 'coordinator' };
const SCORES = [
  { key: 'impact', score: 4, comment: 'Clear need' },
  { key: 'budget', score: 3, comment: '' },
];
/** Up to $1,000 the programme manager; above it, also the grant committee. */
const CHAIN: ApprovalStep[] = [
  { role: 'programme_manager', aboveAmount: 0 },
  { role: 'grant_committee', aboveAmount: 100_000 },
];
const PASSED: EligibilityCheck = { passed: true, failed: [] };

interface Decision {
  outcome: string;
  step: number | null;
  decidedBy: string | null;
  amount: number | null;
  reason: string | null;
}

/** The grants service in memory: what the workflow recorded, once per event id. */
class FakeGrants {
  readonly inbox: FakeInbox;
  /** What `begin` answers. */
  plan = {
    check: PASSED,
    steps: CHAIN,
    reviewersPerApplication: 2,
    excludedApprovers: [assessorManager.userId],
    requested: 150_000,
  };
  /** The reviewers free to be assigned, in the order the service would pick them. */
  pool = [reviewerA.userId, reviewerB.userId, reviewerC.userId];
  /** What is left of the round's envelope. */
  remaining = 10_000_000;
  /** How long recording a stage takes (to catch a step sent meanwhile), and how many are in flight. */
  stageDelayMs = 0;
  inFlight = 0;
  readonly begins: string[] = [];
  readonly stages: Array<{ stage: ApplicationStage; eligibility?: unknown }> = [];
  readonly assigned: string[] = [];
  readonly declarations: Array<{ reviewerId: string; conflict: boolean }> = [];
  readonly reviews: Array<{ reviewerId: string; scores: unknown }> = [];
  readonly decisions: Decision[] = [];
  readonly notified: Array<{ reviewerId: string; taskId: string }> = [];
  private readonly answers = new Map<string, unknown>();

  constructor(timings: TaskTimings = SLOW) {
    this.inbox = new FakeInbox(timings);
  }

  /** The first answer for an event id: a retried activity records nothing twice. */
  private async once<T>(eventId: string, work: () => Promise<T> | T): Promise<T> {
    if (!this.answers.has(eventId)) this.answers.set(eventId, await work());
    return this.answers.get(eventId) as T;
  }

  activities(): GrantApplicationActivities {
    return {
      ...this.inbox.activities(),
      beginGrantRun: ({ eventId }) =>
        this.once(eventId, () => {
          this.begins.push(eventId);
          return { ...this.plan };
        }),
      recordGrantStage: ({ eventId, stage, eligibility }) =>
        this.once(eventId, async () => {
          this.inFlight += 1;
          if (this.stageDelayMs) await new Promise((resolve) => setTimeout(resolve, this.stageDelayMs));
          this.inFlight -= 1;
          this.stages.push({ stage, ...(eligibility && { eligibility }) });
        }),
      assignGrantReviewers: ({ eventId, count }) =>
        this.once(eventId, () => {
          const reviewerIds = this.pool.filter((id) => !this.assigned.includes(id)).slice(0, count);
          this.assigned.push(...reviewerIds);
          return { reviewerIds };
        }),
      declareGrantReview: ({ eventId, reviewerId, conflict }) =>
        this.once(eventId, () => {
          this.declarations.push({ reviewerId, conflict });
        }),
      recordGrantReview: ({ eventId, reviewerId, scores }) =>
        this.once(eventId, () => {
          this.reviews.push({ reviewerId, scores });
        }),
      decideGrant: ({ eventId, outcome, step, decidedBy, amount, reason }) =>
        this.once(eventId, () => {
          if (outcome === 'approved' && (amount ?? 0) > this.remaining) {
            throw ApplicationFailure.create({
              type: 'CONFLICT',
              message: 'Too little is left of the round’s envelope for this grant',
              nonRetryable: true,
              details: [{ reason: 'envelope_exhausted', remaining: this.remaining }],
            });
          }
          if (outcome === 'approved') this.remaining -= amount ?? 0;
          this.decisions.push({ outcome, step, decidedBy, amount, reason });
        }),
      notifyGrantReviewer: async ({ reviewerId, taskId }) => {
        if (!this.notified.some((n) => n.taskId === taskId)) this.notified.push({ reviewerId, taskId });
      },
    };
  }
}

describe('the grant application workflow', () => {
  const t = useWorkflowTestEnvironment();
  const histories = join(__dirname, 'histories');

  async function withApplication(
    grants: FakeGrants,
    run: (handle: WorkflowHandle, input: GrantApplicationInput) => Promise<void>,
    overrides: Partial<GrantApplicationInput> = {},
  ): Promise<void> {
    const input: GrantApplicationInput = {
      applicationId: crypto.randomUUID(),
      cboId: crypto.randomUUID(),
      roundId: crypto.randomUUID(),
      label: 'GRT-AB12CD34 — Clean water for the village',
      reviewerRetry: '1 hour',
      ...overrides,
    };
    await t.withWorkflow(
      grants.activities(),
      {
        workflow: GRANT_APPLICATION_WORKFLOW,
        workflowId: grantApplicationRunWorkflowId(input.applicationId),
        args: [input],
      },
      (handle) => run(handle, input),
    );
  }

  const refusal = updateRefusal;

  const viewOf = (handle: WorkflowHandle) => handle.query(grantApplicationViewQuery);
  const until = (handle: WorkflowHandle, what: string, ok: (view: GrantApplicationView) => boolean) =>
    waitFor(
      async () => {
        const view = await viewOf(handle);
        return ok(view) ? view : undefined;
      },
      { what, timeoutMs: 20_000 },
    );
  const atStage = (handle: WorkflowHandle, stage: ApplicationStage) =>
    until(handle, `stage ${stage}`, (view) => view.stage === stage);

  const eligible = (handle: WorkflowHandle) =>
    handle.executeUpdate(decideEligibilityUpdate, {
      args: [{ actor: coordinator, outcome: 'eligible', reason: '' }],
    });
  const declare = (handle: WorkflowHandle, actor: Actor, conflict = false) =>
    handle.executeUpdate(declareConflictUpdate, {
      args: [{ actor, conflict, note: conflict ? 'My cousin' : '' }],
    });
  const score = (handle: WorkflowHandle, actor: Actor) =>
    handle.executeUpdate(scoreUpdate, { args: [{ actor, scores: SCORES, comment: 'Worth it' }] });
  const decide = (
    handle: WorkflowHandle,
    actor: Actor,
    outcome: 'approve' | 'decline' | 'return',
    { amount, reason = '' }: { amount?: number; reason?: string } = {},
  ) => handle.executeUpdate(decideApprovalUpdate, { args: [{ actor, outcome, amount, reason }] });

  /** Takes an application through eligibility and a review by each of `reviewers` to the approval chain. */
  async function toApproval(handle: WorkflowHandle, reviewers: Actor[]): Promise<GrantApplicationView> {
    await atStage(handle, 'eligibility');
    await eligible(handle);
    await until(handle, 'the reviewers', (view) => view.reviews.length === reviewers.length);
    for (const reviewer of reviewers) {
      await declare(handle, reviewer);
      await score(handle, reviewer);
    }
    return until(handle, 'the first approval task', (view) => view.approvalTaskId !== null);
  }

  it('declines at once, without a person, an application the automatic rules refuse', async () => {
    const grants = new FakeGrants();
    grants.plan.check = { passed: false, failed: ['amount_above_ceiling', 'round_not_open'] };
    await withApplication(grants, async (handle) => {
      await expect(handle.result()).resolves.toBe('declined');
      expect(grants.decisions).toEqual([
        {
          outcome: 'declined',
          step: null,
          decidedBy: null,
          amount: null,
          reason: 'rules:amount_above_ceiling,round_not_open',
        },
      ]);
      expect(grants.inbox.tasks.size).toBe(0);
    });
  });

  it('declines what the coordinator finds ineligible, with their reason, from coordinators only', async () => {
    const grants = new FakeGrants();
    await withApplication(grants, async (handle, input) => {
      const view = await atStage(handle, 'eligibility');
      expect(view).toMatchObject({
        applicationId: input.applicationId,
        cycle: 1,
        requested: 150_000,
        reviewersNeeded: 2,
        eligibility: { check: PASSED, decision: null },
      });
      expect(view.steps.map((step) => step.role)).toEqual(['programme_manager', 'grant_committee']);
      const taskId = view.eligibility.taskId!;
      expect(grants.inbox.tasks.get(taskId)).toMatchObject({
        role: 'coordinator',
        status: 'open',
        assignee: null,
      });

      const wrongRole = await refusal(
        handle.executeUpdate(decideEligibilityUpdate, {
          args: [{ actor: reviewerA, outcome: 'eligible', reason: '' }],
        }),
      );
      expect(wrongRole.type).toBe('FORBIDDEN');
      const noReason = await refusal(
        handle.executeUpdate(decideEligibilityUpdate, {
          args: [{ actor: coordinator, outcome: 'ineligible', reason: '  ' }],
        }),
      );
      expect(noReason).toMatchObject({
        type: 'VALIDATION_FAILED',
        details: { reason: 'reason_required', issues: [{ path: 'reason' }] },
      });
      // The other stages' steps are refused with where it is.
      const early = await refusal(score(handle, reviewerA));
      expect(early).toMatchObject({
        type: 'CONFLICT',
        details: { reason: 'wrong_stage', stage: 'eligibility' },
      });
      const tooEarly = await refusal(decide(handle, manager, 'approve'));
      expect(tooEarly).toMatchObject({
        type: 'CONFLICT',
        details: { reason: 'wrong_stage', stage: 'eligibility' },
      });
      expect(grants.decisions).toEqual([]);

      const declined = await handle.executeUpdate(decideEligibilityUpdate, {
        args: [{ actor: coordinator, outcome: 'ineligible', reason: 'The group has no bank account' }],
      });
      expect(declined).toMatchObject({
        stage: 'declined',
        eligibility: {
          decision: {
            outcome: 'ineligible',
            reason: 'The group has no bank account',
            decidedBy: coordinator.userId,
          },
        },
      });
      await expect(handle.result()).resolves.toBe('declined');
      expect(grants.decisions).toEqual([
        {
          outcome: 'declined',
          step: null,
          decidedBy: coordinator.userId,
          amount: null,
          reason: 'The group has no bank account',
        },
      ]);
      expect(grants.inbox.tasks.get(taskId)?.status).toBe('done');
    });
  });

  it('refuses a second step while one is being recorded (busy)', async () => {
    const grants = new FakeGrants();
    grants.stageDelayMs = 1500;
    await withApplication(grants, async (handle) => {
      await atStage(handle, 'eligibility');
      const first = eligible(handle);
      await waitFor(async () => (grants.inFlight > 0 ? true : undefined), { what: 'the step in flight' });
      const second = await refusal(eligible(handle));
      expect(second).toMatchObject({ type: 'CONFLICT', details: { reason: 'busy' } });
      await expect(first).resolves.toMatchObject({ stage: 'review' });
      expect(grants.stages.filter(({ stage }) => stage === 'review')).toHaveLength(1);
    });
  });

  it('assigns reviewers to their own tasks, reassigns on a declared conflict, and takes each review step once, in order', async () => {
    const grants = new FakeGrants();
    await withApplication(grants, async (handle, input) => {
      await atStage(handle, 'eligibility');
      const review = await eligible(handle);
      expect(review.stage).toBe('review');
      expect(grants.stages).toEqual([
        { stage: 'review', eligibility: { outcome: 'eligible', reason: '', decidedBy: coordinator.userId } },
      ]);
      const assigned = await until(handle, 'two reviewers', (view) => view.reviews.length === 2);
      expect(assigned.reviews.map(({ reviewerId, status }) => [reviewerId, status])).toEqual([
        [reviewerA.userId, 'assigned'],
        [reviewerB.userId, 'assigned'],
      ]);
      // Each review is a task for its reviewer alone, and the reviewer is told of it.
      for (const { reviewerId, taskId } of assigned.reviews) {
        expect(grants.inbox.tasks.get(taskId)).toMatchObject({
          role: 'reviewer',
          assignee: reviewerId,
          status: 'open',
        });
      }
      expect(grants.notified.map(({ reviewerId }) => reviewerId)).toEqual([
        reviewerA.userId,
        reviewerB.userId,
      ]);
      expect(input.label).not.toContain('Prey Lang');

      const notDeclared = await refusal(score(handle, reviewerA));
      expect(notDeclared).toMatchObject({ type: 'CONFLICT', details: { reason: 'not_declared' } });
      const stranger = await refusal(declare(handle, reviewerC));
      expect(stranger).toMatchObject({ type: 'CONFLICT', details: { reason: 'not_assigned' } });
      const notAReviewer = await refusal(declare(handle, coordinator));
      expect(notAReviewer.type).toBe('FORBIDDEN');
      const tooEarly = await refusal(decide(handle, manager, 'approve'));
      expect(tooEarly).toMatchObject({
        type: 'CONFLICT',
        details: { reason: 'wrong_stage', stage: 'review' },
      });

      // A declares a conflict: their task is cancelled, and C is assigned instead.
      const conflicted = await declare(handle, reviewerA, true);
      expect(conflicted.reviews.find((r) => r.reviewerId === reviewerA.userId)?.status).toBe('conflict');
      expect(grants.inbox.tasks.get(assigned.reviews[0].taskId)?.status).toBe('cancelled');
      const reassigned = await until(handle, 'a third reviewer', (view) => view.reviews.length === 3);
      expect(reassigned.reviews[2]).toMatchObject({ reviewerId: reviewerC.userId, status: 'assigned' });
      expect(grants.inbox.tasks.get(reassigned.reviews[2].taskId)?.assignee).toBe(reviewerC.userId);
      const gone = await refusal(score(handle, reviewerA));
      expect(gone).toMatchObject({ type: 'CONFLICT', details: { reason: 'not_assigned' } });

      await declare(handle, reviewerB);
      const twice = await refusal(declare(handle, reviewerB));
      expect(twice).toMatchObject({ type: 'CONFLICT', details: { reason: 'already_done' } });
      const scored = await score(handle, reviewerB);
      expect(scored.reviews.find((r) => r.reviewerId === reviewerB.userId)?.status).toBe('scored');
      expect(grants.inbox.tasks.get(assigned.reviews[1].taskId)?.status).toBe('done');
      const again = await refusal(score(handle, reviewerB));
      expect(again).toMatchObject({ type: 'CONFLICT', details: { reason: 'already_done' } });
      expect(scored.stage).toBe('review');

      await declare(handle, reviewerC);
      await score(handle, reviewerC);
      const approval = await until(handle, 'the approval task', (view) => view.approvalTaskId !== null);
      expect(approval).toMatchObject({ stage: 'approval', currentStep: 0 });
      expect(grants.inbox.tasks.get(approval.approvalTaskId!)).toMatchObject({ role: 'programme_manager' });
      expect(grants.declarations).toEqual([
        { reviewerId: reviewerA.userId, conflict: true },
        { reviewerId: reviewerB.userId, conflict: false },
        { reviewerId: reviewerC.userId, conflict: false },
      ]);
      expect(grants.reviews.map(({ reviewerId }) => reviewerId)).toEqual([
        reviewerB.userId,
        reviewerC.userId,
      ]);
      expect(grants.stages.map(({ stage }) => stage)).toEqual(['review', 'approval']);
    });
  });

  it('asks again for reviewers after the configured wait when too few are free', async () => {
    const grants = new FakeGrants();
    grants.pool = [reviewerA.userId];
    await withApplication(
      grants,
      async (handle) => {
        await atStage(handle, 'eligibility');
        await eligible(handle);
        const one = await until(handle, 'one reviewer', (view) => view.reviews.length === 1);
        expect(one.reviewersNeeded).toBe(2);
        grants.pool.push(reviewerB.userId);
        const two = await until(handle, 'a second reviewer', (view) => view.reviews.length === 2);
        expect(two.reviews[1].reviewerId).toBe(reviewerB.userId);
      },
      { reviewerRetry: '2 seconds' },
    );
  });

  it('reminds an overdue review task, then escalates it, and it stays its reviewer’s', async () => {
    const grants = new FakeGrants({
      remindAfter: '1 second',
      escalateAfter: '1 second',
      escalateTo: 'coordinator',
    });
    grants.plan.reviewersPerApplication = 1;
    await withApplication(grants, async (handle) => {
      await atStage(handle, 'eligibility');
      await eligible(handle);
      const { reviews } = await until(handle, 'the reviewer', (view) => view.reviews.length === 1);
      const task = await waitFor(
        async () => {
          const found = grants.inbox.tasks.get(reviews[0].taskId);
          return found?.escalatedTo ? found : undefined;
        },
        { what: 'the escalation', timeoutMs: 20_000 },
      );
      expect(task).toMatchObject({ reminded: true, escalatedTo: 'coordinator', assignee: reviewerA.userId });
      await declare(handle, reviewerA);
      await score(handle, reviewerA);
      expect(task.status).toBe('done');
    });
  });

  it('takes the chain in order, with four eyes, never above the requested or an earlier step, and never beyond the envelope', async () => {
    const grants = new FakeGrants();
    grants.pool = [reviewerManager.userId, reviewerA.userId];
    await withApplication(grants, async (handle) => {
      const first = await toApproval(handle, [reviewerManager, reviewerA]);
      const firstTask = first.approvalTaskId!;

      // Chain order: the committee's step comes after the programme manager's.
      const outOfTurn = await refusal(decide(handle, committee, 'approve'));
      expect(outOfTurn).toMatchObject({
        type: 'CONFLICT',
        details: { reason: 'not_your_step', role: 'programme_manager' },
      });
      const notAnApprover = await refusal(decide(handle, coordinator, 'approve'));
      expect(notAnApprover.type).toBe('FORBIDDEN');
      // Four eyes: a reviewer of it, the CBO's assessor.
      const reviewed = await refusal(decide(handle, reviewerManager, 'approve'));
      expect(reviewed).toMatchObject({ type: 'CONFLICT', details: { reason: 'four_eyes', why: 'reviewed' } });
      const assessed = await refusal(decide(handle, assessorManager, 'approve'));
      expect(assessed).toMatchObject({ type: 'CONFLICT', details: { reason: 'four_eyes', why: 'excluded' } });
      // Never above what was requested.
      const tooMuch = await refusal(decide(handle, managerOnCommittee, 'approve', { amount: 150_001 }));
      expect(tooMuch).toMatchObject({
        type: 'VALIDATION_FAILED',
        details: { reason: 'amount_too_high', max: 150_000, issues: [{ path: 'amount' }] },
      });
      expect(grants.decisions).toEqual([]);

      const stepOne = await decide(handle, managerOnCommittee, 'approve', { amount: 120_000 });
      expect(stepOne).toMatchObject({ stage: 'approval', currentStep: 1 });
      expect(stepOne.steps[0]).toMatchObject({
        outcome: 'approve',
        decidedBy: managerOnCommittee.userId,
        amount: 120_000,
      });
      expect(grants.inbox.tasks.get(firstTask)?.status).toBe('done');
      const second = await until(handle, 'the second step’s task', (view) => view.approvalTaskId !== null);
      expect(grants.inbox.tasks.get(second.approvalTaskId!)).toMatchObject({
        role: 'grant_committee',
        status: 'open',
      });

      // The same person may not decide two steps; the manager's step is over.
      const twoSteps = await refusal(decide(handle, managerOnCommittee, 'approve'));
      expect(twoSteps).toMatchObject({
        type: 'CONFLICT',
        details: { reason: 'four_eyes', why: 'earlier_step' },
      });
      const pastStep = await refusal(decide(handle, manager, 'approve'));
      expect(pastStep).toMatchObject({
        type: 'CONFLICT',
        details: { reason: 'not_your_step', role: 'grant_committee' },
      });
      // Never above what an earlier step approved.
      const aboveEarlier = await refusal(decide(handle, committee, 'approve', { amount: 130_000 }));
      expect(aboveEarlier).toMatchObject({
        type: 'VALIDATION_FAILED',
        details: { reason: 'amount_too_high', max: 120_000 },
      });

      // The envelope: too little is left, so the approval fails and nothing changes.
      grants.remaining = 50_000;
      const exhausted = await refusal(decide(handle, committee, 'approve', { amount: 100_000 }));
      expect(exhausted).toMatchObject({
        type: 'CONFLICT',
        details: { reason: 'envelope_exhausted', remaining: 50_000 },
      });
      const unchanged = await viewOf(handle);
      expect(unchanged).toMatchObject({
        stage: 'approval',
        currentStep: 1,
        approvalTaskId: second.approvalTaskId,
      });
      expect(unchanged.steps[1].outcome).toBeNull();
      expect(grants.inbox.tasks.get(second.approvalTaskId!)?.status).toBe('open');

      // Once the budget frees (a round's budget raised), the same approver approves.
      grants.remaining = 500_000;
      const approved = await decide(handle, committee, 'approve', { amount: 100_000 });
      expect(approved).toMatchObject({ stage: 'agreement', approvedAmount: 100_000, currentStep: null });
      expect(grants.inbox.tasks.get(second.approvalTaskId!)?.status).toBe('done');
      expect(grants.decisions).toEqual([
        {
          outcome: 'step_approved',
          step: 0,
          decidedBy: managerOnCommittee.userId,
          amount: 120_000,
          reason: null,
        },
        { outcome: 'approved', step: 1, decidedBy: committee.userId, amount: 100_000, reason: null },
      ]);
      expect(grants.remaining).toBe(400_000);
      // Approved: it waits for the agreement, and takes no other step.
      const late = await refusal(decide(handle, committee, 'approve'));
      expect(late).toMatchObject({
        type: 'CONFLICT',
        details: { reason: 'wrong_stage', stage: 'agreement' },
      });
      expect((await handle.describe()).status.name).toBe('RUNNING');
    });
  });

  it('approves for the requested amount when none is given, and declines with a reason', async () => {
    const grants = new FakeGrants();
    grants.plan.reviewersPerApplication = 1;
    await withApplication(grants, async (handle) => {
      await toApproval(handle, [reviewerA]);
      await decide(handle, manager, 'approve');
      await until(
        handle,
        'the second step',
        (view) => view.currentStep === 1 && view.approvalTaskId !== null,
      );
      const noReason = await refusal(decide(handle, committee, 'decline', { reason: ' ' }));
      expect(noReason).toMatchObject({
        type: 'VALIDATION_FAILED',
        details: { reason: 'reason_required', issues: [{ path: 'reason' }] },
      });
      const declined = await decide(handle, committee, 'decline', {
        reason: 'Another group does the same there',
      });
      expect(declined.stage).toBe('declined');
      await expect(handle.result()).resolves.toBe('declined');
      expect(grants.decisions).toEqual([
        { outcome: 'step_approved', step: 0, decidedBy: manager.userId, amount: 150_000, reason: null },
        {
          outcome: 'declined',
          step: 1,
          decidedBy: committee.userId,
          amount: null,
          reason: 'Another group does the same there',
        },
      ]);
      expect(grants.inbox.open()).toEqual([]);
    });
  });

  it('returns an application for changes, then starts over at eligibility once it is submitted again', async () => {
    const grants = new FakeGrants();
    grants.plan.reviewersPerApplication = 1;
    grants.plan.requested = 80_000;
    await withApplication(grants, async (handle) => {
      const approval = await toApproval(handle, [reviewerA]);
      expect(approval.steps.map((step) => step.role)).toEqual(['programme_manager', 'grant_committee']);
      const noReason = await refusal(decide(handle, manager, 'return'));
      expect(noReason).toMatchObject({ type: 'VALIDATION_FAILED', details: { reason: 'reason_required' } });
      const returned = await decide(handle, manager, 'return', { reason: 'Add a quote for the pump' });
      expect(returned).toMatchObject({ stage: 'returned', cycle: 1 });
      expect(grants.decisions.at(-1)).toEqual({
        outcome: 'returned',
        step: 0,
        decidedBy: manager.userId,
        amount: null,
        reason: 'Add a quote for the pump',
      });
      const waiting = await refusal(eligible(handle));
      expect(waiting).toMatchObject({ details: { reason: 'wrong_stage', stage: 'returned' } });

      // A stale signal changes nothing; the next cycle's starts over.
      await handle.signal(resubmittedSignal, { cycle: 1 });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await viewOf(handle)).stage).toBe('returned');
      grants.plan.requested = 60_000;
      await handle.signal(resubmittedSignal, { cycle: 2 });
      const again = await until(
        handle,
        'cycle 2 at eligibility',
        (view) => view.cycle === 2 && view.stage === 'eligibility',
      );
      expect(again).toMatchObject({
        requested: 60_000,
        reviews: [],
        currentStep: null,
        eligibility: { decision: null },
      });
      expect(again.eligibility.taskId).toMatch(/:check_grant_eligibility:2$/);
      expect(grants.begins).toHaveLength(2);
      expect(new Set(grants.begins).size).toBe(2);
      // Reviewed again, by someone who did not review it before.
      await eligible(handle);
      const reviewed = await until(handle, 'a reviewer', (view) => view.reviews.length === 1);
      expect(reviewed.reviews[0].reviewerId).toBe(reviewerB.userId);
    });
  });

  it('replays the recorded history of every released version, so a change that breaks running applications fails here', async () => {
    expect(await replayRecordedHistories(histories, t.bundle)).toBeGreaterThan(0);
  });

  it('records a full run that replays, the history a release keeps (RECORD_HISTORY=<file> writes it)', async () => {
    const grants = new FakeGrants();
    grants.plan.reviewersPerApplication = 1;
    await withApplication(grants, async (handle) => {
      // Cycle 1: a conflict reassigns the review; the manager returns it for changes.
      await atStage(handle, 'eligibility');
      await eligible(handle);
      await until(handle, 'the reviewer', (view) => view.reviews.length === 1);
      await declare(handle, reviewerA, true);
      await until(handle, 'the second reviewer', (view) => view.reviews.length === 2);
      await declare(handle, reviewerB);
      await score(handle, reviewerB);
      await until(handle, 'the approval task', (view) => view.approvalTaskId !== null);
      await decide(handle, manager, 'return', { reason: 'Add a quote' });
      // Cycle 2: submitted again, reviewed, approved by both steps, waiting for the agreement.
      await handle.signal(resubmittedSignal, { cycle: 2 });
      await until(handle, 'cycle 2', (view) => view.cycle === 2 && view.stage === 'eligibility');
      await eligible(handle);
      await until(handle, 'the reviewer', (view) => view.reviews.length === 1);
      await declare(handle, reviewerC);
      await score(handle, reviewerC);
      await until(handle, 'the approval task', (view) => view.approvalTaskId !== null);
      await decide(handle, manager, 'approve', { amount: 140_000 });
      grants.remaining = 100_000;
      await refusal(decide(handle, committee, 'approve'));
      grants.remaining = 1_000_000;
      const approved = await decide(handle, committee, 'approve');
      expect(approved).toMatchObject({ stage: 'agreement', approvedAmount: 140_000, cycle: 2 });
      await replayAndKeep(handle, histories, t.bundle);
    });
  });
});
