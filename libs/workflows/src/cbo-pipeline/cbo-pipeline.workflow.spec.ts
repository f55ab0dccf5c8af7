import { WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { join } from 'node:path';
import {
  cboPipelineWorkflowId,
  RULE_REASONS,
  type AssessmentDraft,
  type PipelineStage,
} from '@bandanh/contracts';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { FakeInbox } from '../../test/fake-inbox';
import {
  replayAndKeep,
  replayRecordedHistories,
  updateRefusal,
  useWorkflowTestEnvironment,
} from '../../test/workflow-test';
import {
  CBO_PIPELINE_WORKFLOW,
  assessUpdate,
  decideUpdate,
  reopenUpdate,
  stageQuery,
  trainingCompletedSignal,
  trainingStartedSignal,
  viewQuery,
  withdrawUpdate,
  type CboPipelineActivities,
} from './definitions';
import type { Actor, TaskTimings } from '../shared/definitions';

const assessor: Actor = { userId: '11111111-1111-4111-8111-111111111111', roles: ['assessor'] };
const approver: Actor = { userId: '22222222-2222-4222-8222-222222222222', roles: ['approver'] };
const both: Actor = { userId: '33333333-3333-4333-8333-333333333333', roles: ['assessor', 'approver'] };
const coordinator: Actor = { userId: '44444444-4444-4444-8444-444444444444', roles: ['coordinator'] };

const draft: AssessmentDraft = {
  membersWomen: 12,
  membersMen: 9,
  ongoingActivities: 'Patrols of the community forest',
  plannedActivities: 'Mapping the land in dispute',
  ambitions: 'Secure communal land title',
  leadership: 'Elected committee of five',
  meetingsHeld: 10,
  recordsKept: true,
  registration: 'in_progress',
  risks: 'Threats from a concession company',
  scores: { organisation: 4 },
};

/** An in-memory network service and inbox: what the workflow asked, and in which order. */
class FakeWorld {
  stages: PipelineStage[] = [];
  decisions: Array<{ outcome: string; reason: string | null }> = [];
  assessments: string[] = [];
  readonly inbox: FakeInbox;
  declineReason: string | null = null;
  waitDays = 30;
  rejectAssessment = false;
  /** Audit entries, once per event id, as the identity service keeps them. */
  audits = new Map<string, { actorId: string; outcome: string }>();
  /** How many audit appends fail (the audit log is down) before one goes through. */
  auditFailures = 0;
  auditAttempts = 0;

  constructor(timings: TaskTimings) {
    this.inbox = new FakeInbox(timings);
  }

  get tasks() {
    return this.inbox.tasks;
  }

  activities(): CboPipelineActivities {
    const parts: Omit<CboPipelineActivities, 'recordMove'> = {
      // The network service keeps the stage: recording the one it has again changes nothing.
      recordStage: async ({ stage, decision }) => {
        if (this.stages.at(-1) === stage) return;
        this.stages.push(stage);
        if (decision) this.decisions.push(decision);
      },
      screenCbo: async () => ({
        name: 'Prey Lang Community Network',
        declineReason: this.declineReason,
        reassessmentWaitDays: this.waitDays,
      }),
      auditDecision: async ({ eventId, actorId, outcome }) => {
        this.auditAttempts += 1;
        if (this.auditFailures > 0) {
          this.auditFailures -= 1;
          throw new Error('The audit log is not answering');
        }
        if (!this.audits.has(eventId)) this.audits.set(eventId, { actorId, outcome });
      },
      recordAssessment: async ({ stepId }) => {
        if (this.rejectAssessment) {
          throw ApplicationFailure.create({
            message: 'The scores do not fit the rubric',
            type: 'VALIDATION_FAILED',
            nonRetryable: true,
          });
        }
        this.assessments.push(stepId);
      },
      ...this.inbox.activities(),
    };
    return {
      ...parts,
      // As the orchestrator composes it: the assessment first, a refusal of it changing nothing.
      recordMove: async ({
        cboId,
        stage,
        decision,
        assessment,
        closeTask,
        openTask,
        audit,
        reassessmentWait,
      }) => {
        if (assessment) await parts.recordAssessment({ cboId, ...assessment });
        const timings = openTask ? await parts.openTask(openTask) : null;
        const screen = reassessmentWait ? await parts.screenCbo({ cboId }) : null;
        await parts.recordStage({ cboId, stage, ...(decision && { decision }) });
        if (closeTask) await parts.closeTask(closeTask);
        if (audit) await parts.auditDecision({ cboId, ...audit });
        return { timings, reassessmentWaitDays: screen?.reassessmentWaitDays ?? null };
      },
    };
  }

  open(): string[] {
    return this.inbox.open();
  }
}

const SLOW: TaskTimings = { remindAfter: '1 hour', escalateAfter: '1 hour', escalateTo: 'approver' };

describe('the CBO pipeline workflow', () => {
  const t = useWorkflowTestEnvironment();
  const histories = join(__dirname, 'histories');

  /** Runs a pipeline for a new CBO on a fresh worker; `run` drives it through its handle. */
  async function withPipeline(
    world: FakeWorld,
    run: (handle: WorkflowHandle, cboId: string) => Promise<void>,
  ): Promise<void> {
    const cboId = crypto.randomUUID();
    await t.withWorker(world.activities(), async (taskQueue) => {
      const handle = await t.env.client.workflow.start(CBO_PIPELINE_WORKFLOW, {
        workflowId: cboPipelineWorkflowId(cboId),
        taskQueue,
        args: [{ cboId }],
      });
      await run(handle, cboId);
      await handle.terminate('test over').catch(() => undefined);
    });
  }

  const refusal = updateRefusal;

  const atStage = (handle: WorkflowHandle, stage: PipelineStage) =>
    waitFor(async () => ((await handle.query(stageQuery)) === stage ? true : undefined), {
      what: `stage ${stage}`,
    });

  it('goes identified → assessment → selection → participant → training, one task per human step', async () => {
    const world = new FakeWorld(SLOW);
    await withPipeline(world, async (handle) => {
      await atStage(handle, 'assessment');
      await waitFor(async () => (world.open().length === 1 ? true : undefined), {
        what: 'the assessor task',
      });
      expect([...world.tasks.values()][0].role).toBe('assessor');
      // The view says which step the pipeline waits for, with the task it opened for it.
      const [assessTask] = world.tasks.keys();
      expect((await handle.query(viewQuery)).waitingFor).toEqual({
        step: 'assessment',
        role: 'assessor',
        taskId: assessTask,
      });

      const afterAssessment = await handle.executeUpdate(assessUpdate, {
        args: [{ actor: assessor, draft }],
      });
      expect(afterAssessment).toMatchObject({ stage: 'selection', assessedBy: assessor.userId });
      expect(afterAssessment.waitingFor).toBeUndefined();
      expect(world.assessments).toHaveLength(1);
      // Right after the assessment, the pipeline says it waits for an approver's decision, and
      // the move that recorded the assessment opened its task.
      const waiting = (await handle.query(viewQuery)).waitingFor;
      expect(waiting).toEqual({ step: 'selection', role: 'approver', taskId: expect.any(String) });
      expect(world.tasks.get(waiting!.taskId!)).toMatchObject({ role: 'approver' });
      await waitFor(async () => (world.open().length === 1 && world.tasks.size === 2 ? true : undefined), {
        what: 'the approver task',
      });

      // The audit log fails twice after the decision is recorded: the workflow retries the
      // entry, and the approver gets the decision, not an error.
      world.auditFailures = 2;
      const selected = await handle.executeUpdate(decideUpdate, {
        args: [{ actor: approver, decision: { outcome: 'selected', reason: 'Strong and organised' } }],
      });
      expect(selected.stage).toBe('participant');
      expect(world.auditAttempts).toBe(3);
      expect([...world.audits.values()]).toEqual([{ actorId: approver.userId, outcome: 'selected' }]);
      expect(world.open()).toEqual([]);
      expect([...world.tasks.values()].map((task) => task.status)).toEqual(['done', 'done']);
      expect((await handle.query(viewQuery)).waitingFor).toEqual({
        step: 'training',
        role: null,
        taskId: null,
      });

      await handle.signal(trainingStartedSignal);
      await atStage(handle, 'training');
      const view = await handle.query(viewQuery);
      expect(view.waitingFor).toBeNull();
      expect(view.history.map((event) => event.stage)).toEqual([
        'identified',
        'assessment',
        'selection',
        'participant',
        'training',
      ]);
      expect(world.stages).toEqual(['identified', 'assessment', 'selection', 'participant', 'training']);
      expect(world.decisions).toEqual([{ outcome: 'selected', reason: 'Strong and organised' }]);
    });
  });

  /** Starts a pipeline and sends `update` with the start itself, so it meets the set-up in flight. */
  async function withStartingPipeline<T>(
    world: FakeWorld,
    send: (taskQueue: string, cboId: string) => Promise<T>,
  ): Promise<T> {
    const cboId = crypto.randomUUID();
    return t.withWorker(world.activities(), async (taskQueue) => {
      try {
        return await send(taskQueue, cboId);
      } finally {
        await t.env.client.workflow
          .getHandle(cboPipelineWorkflowId(cboId))
          .terminate('test over')
          .catch(() => undefined);
      }
    });
  }

  const startOperation = (taskQueue: string, cboId: string) =>
    new WithStartWorkflowOperation(CBO_PIPELINE_WORKFLOW, {
      workflowId: cboPipelineWorkflowId(cboId),
      taskQueue,
      args: [{ cboId }],
      workflowIdConflictPolicy: 'FAIL',
    });

  it('accepts an assessment sent the moment the pipeline starts: it waits for the set-up to reach its stage', async () => {
    const world = new FakeWorld(SLOW);
    const view = await withStartingPipeline(world, (taskQueue, cboId) =>
      t.env.client.workflow.executeUpdateWithStart(assessUpdate, {
        args: [{ actor: assessor, draft }],
        startWorkflowOperation: startOperation(taskQueue, cboId),
      }),
    );
    expect(view).toMatchObject({ stage: 'selection', assessedBy: assessor.userId });
    expect(view.history.map((event) => event.stage)).toEqual(['identified', 'assessment', 'selection']);
    expect(world.assessments).toHaveLength(1);
    expect(world.stages).toEqual(['identified', 'assessment', 'selection']);
    // The assessor's task was opened by the set-up and closed by the step; the approver's is open.
    expect([...world.tasks.values()].map((task) => [task.role, task.status])).toEqual([
      ['assessor', 'done'],
      ['approver', 'open'],
    ]);
  });

  it('refuses at once, at the wrong stage, a step the set-up does not lead to', async () => {
    const world = new FakeWorld(SLOW);
    const early = await withStartingPipeline(world, (taskQueue, cboId) =>
      refusal(
        t.env.client.workflow.executeUpdateWithStart(decideUpdate, {
          args: [{ actor: approver, decision: { outcome: 'selected' } }],
          startWorkflowOperation: startOperation(taskQueue, cboId),
        }),
      ),
    );
    expect(early).toMatchObject({
      type: 'CONFLICT',
      details: { reason: 'wrong_stage', stage: 'identified' },
    });
    expect(world.decisions).toEqual([]);
  });

  it('refuses an assessment that waited for a set-up which declined the CBO by the pilot rule', async () => {
    const world = new FakeWorld(SLOW);
    world.declineReason = RULE_REASONS.pilotDevelopment;
    const refused = await withStartingPipeline(world, (taskQueue, cboId) =>
      refusal(
        t.env.client.workflow.executeUpdateWithStart(assessUpdate, {
          args: [{ actor: assessor, draft }],
          startWorkflowOperation: startOperation(taskQueue, cboId),
        }),
      ),
    );
    expect(refused).toMatchObject({
      type: 'CONFLICT',
      details: { reason: 'wrong_stage', stage: 'declined' },
    });
    expect(world.assessments).toEqual([]);
    expect(world.stages).toEqual(['identified', 'declined']);
  });

  it('refuses a wrong stage, a wrong role and a broken four eyes, and changes nothing', async () => {
    const world = new FakeWorld(SLOW);
    await withPipeline(world, async (handle) => {
      await atStage(handle, 'assessment');
      const early = await refusal(
        handle.executeUpdate(decideUpdate, {
          args: [{ actor: approver, decision: { outcome: 'selected' } }],
        }),
      );
      expect(early).toMatchObject({
        type: 'CONFLICT',
        details: { reason: 'wrong_stage', stage: 'assessment' },
      });

      const wrongRole = await refusal(
        handle.executeUpdate(assessUpdate, { args: [{ actor: approver, draft }] }),
      );
      expect(wrongRole.type).toBe('FORBIDDEN');

      await handle.executeUpdate(assessUpdate, { args: [{ actor: both, draft }] });
      const fourEyes = await refusal(
        handle.executeUpdate(decideUpdate, { args: [{ actor: both, decision: { outcome: 'selected' } }] }),
      );
      expect(fourEyes).toMatchObject({ type: 'FORBIDDEN', details: { reason: 'four_eyes' } });
      expect(fourEyes.message).toMatch(/four eyes/);

      const again = await refusal(handle.executeUpdate(assessUpdate, { args: [{ actor: assessor, draft }] }));
      expect(again.type).toBe('CONFLICT');
      expect(await handle.query(stageQuery)).toBe('selection');
      expect(world.stages).toEqual(['identified', 'assessment', 'selection']);
      expect(world.decisions).toEqual([]);
    });
  });

  it('passes an activity’s refusal on to the step, leaving the stage where it was', async () => {
    const world = new FakeWorld(SLOW);
    world.rejectAssessment = true;
    await withPipeline(world, async (handle) => {
      await atStage(handle, 'assessment');
      const refused = await refusal(
        handle.executeUpdate(assessUpdate, { args: [{ actor: assessor, draft }] }),
      );
      expect(refused).toMatchObject({
        type: 'VALIDATION_FAILED',
        message: 'The scores do not fit the rubric',
      });
      expect(await handle.query(stageQuery)).toBe('assessment');
      expect(world.open()).toHaveLength(1);
    });
  });

  it('declines by the pilot rule at once, with the rule as the reason', async () => {
    const world = new FakeWorld(SLOW);
    world.declineReason = RULE_REASONS.pilotDevelopment;
    await withPipeline(world, async (handle) => {
      await atStage(handle, 'declined');
      expect(world.decisions).toEqual([{ outcome: 'declined', reason: RULE_REASONS.pilotDevelopment }]);
      expect(world.tasks.size).toBe(0);
      const refused = await refusal(
        handle.executeUpdate(assessUpdate, { args: [{ actor: assessor, draft }] }),
      );
      expect(refused.type).toBe('CONFLICT');
    });
  });

  it('lets a declined CBO be assessed again only after the waiting time', async () => {
    const world = new FakeWorld(SLOW);
    await withPipeline(world, async (handle) => {
      await atStage(handle, 'assessment');
      await handle.executeUpdate(assessUpdate, { args: [{ actor: assessor, draft }] });
      const declined = await handle.executeUpdate(decideUpdate, {
        args: [{ actor: approver, decision: { outcome: 'declined', reason: 'Too few members yet' } }],
      });
      expect(declined.stage).toBe('declined');
      expect(declined.reassessableFrom).not.toBeNull();
      const tooEarly = await refusal(handle.executeUpdate(reopenUpdate, { args: [{ actor: coordinator }] }));
      expect(tooEarly).toMatchObject({ type: 'CONFLICT', details: { reason: 'too_early' } });
      const wrongRole = await refusal(handle.executeUpdate(reopenUpdate, { args: [{ actor: assessor }] }));
      expect(wrongRole.type).toBe('FORBIDDEN');
    });

    const noWait = new FakeWorld(SLOW);
    noWait.waitDays = 0;
    await withPipeline(noWait, async (handle) => {
      await atStage(handle, 'assessment');
      await handle.executeUpdate(assessUpdate, { args: [{ actor: assessor, draft }] });
      await handle.executeUpdate(decideUpdate, {
        args: [{ actor: approver, decision: { outcome: 'declined', reason: 'Not yet' } }],
      });
      const reopened = await handle.executeUpdate(reopenUpdate, { args: [{ actor: coordinator }] });
      expect(reopened.stage).toBe('assessment');
      await waitFor(async () => (noWait.open().length === 1 ? true : undefined), {
        what: 'a new assessor task',
      });
      expect(noWait.tasks.size).toBe(3);
    });
  });

  it('withdraws from any stage, cancelling the open task and ending the workflow', async () => {
    const world = new FakeWorld(SLOW);
    await withPipeline(world, async (handle) => {
      await atStage(handle, 'assessment');
      await waitFor(async () => (world.open().length === 1 ? true : undefined), {
        what: 'the assessor task',
      });
      const withdrawn = await handle.executeUpdate(withdrawUpdate, {
        args: [{ actor: coordinator, reason: 'The group dissolved' }],
      });
      expect(withdrawn.stage).toBe('withdrawn');
      expect([...world.tasks.values()][0].status).toBe('cancelled');
      await expect(handle.result()).resolves.toBe('withdrawn');
    });
  });

  it('reminds the assignee of an overdue task, then escalates it to the manager role', async () => {
    const world = new FakeWorld({
      remindAfter: '1 second',
      escalateAfter: '1 second',
      escalateTo: 'approver',
    });
    await withPipeline(world, async (handle) => {
      await atStage(handle, 'assessment');
      const task = await world.inbox.firstEscalated();
      expect(task).toMatchObject({
        status: 'open',
        reminded: true,
        escalatedTo: 'approver',
        role: 'assessor',
      });
      // The step still closes it.
      await handle.executeUpdate(assessUpdate, { args: [{ actor: assessor, draft }] });
      expect(task.status).toBe('done');
    });
  });

  it('survives a worker restart in the middle of the pipeline', async () => {
    const world = new FakeWorld(SLOW);
    const taskQueue = uniqueName('restart');
    const cboId = crypto.randomUUID();
    const start = (run: () => Promise<void>) =>
      t.withWorker(world.activities(), run, {
        taskQueue,
        // The stopped worker's cached run is not waited for long: the new one replays the history.
        stickyQueueScheduleToStartTimeout: '1 second',
      });
    const handle = await t.env.client.workflow.start(CBO_PIPELINE_WORKFLOW, {
      workflowId: cboPipelineWorkflowId(cboId),
      taskQueue,
      args: [{ cboId }],
    });
    await start(async () => {
      await atStage(handle, 'assessment');
      await handle.executeUpdate(assessUpdate, { args: [{ actor: assessor, draft }] });
    });
    // A new worker (a new process, as far as the workflow can tell) picks the run up from its history.
    await start(async () => {
      const view = await handle.executeUpdate(decideUpdate, {
        args: [{ actor: approver, decision: { outcome: 'selected' } }],
      });
      expect(view).toMatchObject({ stage: 'participant', assessedBy: assessor.userId });
    });
    await handle.terminate('test over');
  });

  const REQUIRED = ['human_rights', 'monitoring_documentation', 'advocacy', 'organisational_development'];

  /** Runs a pipeline to `training`: assessed, selected, enrolled in its first module. */
  async function toTraining(handle: WorkflowHandle) {
    await atStage(handle, 'assessment');
    await handle.executeUpdate(assessUpdate, { args: [{ actor: assessor, draft }] });
    await handle.executeUpdate(decideUpdate, {
      args: [{ actor: approver, decision: { outcome: 'selected' } }],
    });
    await handle.signal(trainingStartedSignal);
    await atStage(handle, 'training');
  }

  it('counts every module the training programme said complete, whatever order the news comes in', async () => {
    const world = new FakeWorld(SLOW);
    await withPipeline(world, async (handle) => {
      await toTraining(handle);
      // Two sessions completed at once: each knows the modules committed before it, not the other.
      await handle.signal(trainingCompletedSignal, {
        completedModuleIds: [REQUIRED[0], REQUIRED[1], REQUIRED[2]],
        requiredModuleIds: REQUIRED,
      });
      await handle.signal(trainingCompletedSignal, {
        completedModuleIds: [REQUIRED[0], REQUIRED[1], REQUIRED[3]],
        requiredModuleIds: REQUIRED,
      });
      await atStage(handle, 'grant_eligible');
      expect(world.stages.at(-1)).toBe('grant_eligible');
    });
  });

  it('moves training → grant_eligible once every required module is complete, not before', async () => {
    const world = new FakeWorld(SLOW);
    await withPipeline(world, async (handle) => {
      await toTraining(handle);
      await handle.signal(trainingCompletedSignal, {
        completedModuleIds: REQUIRED.slice(0, 3),
        requiredModuleIds: REQUIRED,
      });
      // A signal is recorded once the next workflow task runs; a query after it sees its effect.
      await handle.signal(trainingCompletedSignal, {
        completedModuleIds: ['human_rights', 'advocacy', 'optional_module'],
        requiredModuleIds: REQUIRED,
      });
      expect(await handle.query(stageQuery)).toBe('training');
      expect(world.stages.at(-1)).toBe('training');

      await handle.signal(trainingCompletedSignal, {
        completedModuleIds: [...REQUIRED, 'optional_module'],
        requiredModuleIds: REQUIRED,
      });
      await atStage(handle, 'grant_eligible');
      const view = await handle.query(viewQuery);
      expect(view.history.map((event) => event.stage)).toEqual([
        'identified',
        'assessment',
        'selection',
        'participant',
        'training',
        'grant_eligible',
      ]);
      expect(view.history.at(-1)).toMatchObject({ by: null, reason: null });
      expect(world.stages.at(-1)).toBe('grant_eligible');
      // A grant-eligible CBO may still be withdrawn.
      const withdrawn = await handle.executeUpdate(withdrawUpdate, {
        args: [{ actor: coordinator, reason: 'The group dissolved' }],
      });
      expect(withdrawn.stage).toBe('withdrawn');
      await expect(handle.result()).resolves.toBe('withdrawn');
    });
  });

  it('remembers a completion that arrives before the training started, and moves on once it has', async () => {
    const world = new FakeWorld(SLOW);
    await withPipeline(world, async (handle) => {
      await atStage(handle, 'assessment');
      await handle.executeUpdate(assessUpdate, { args: [{ actor: assessor, draft }] });
      await handle.executeUpdate(decideUpdate, {
        args: [{ actor: approver, decision: { outcome: 'selected' } }],
      });
      await handle.signal(trainingCompletedSignal, {
        completedModuleIds: REQUIRED,
        requiredModuleIds: REQUIRED,
      });
      expect(await handle.query(stageQuery)).toBe('participant');
      await handle.signal(trainingStartedSignal);
      await atStage(handle, 'grant_eligible');
      expect(world.stages).toEqual([
        'identified',
        'assessment',
        'selection',
        'participant',
        'training',
        'grant_eligible',
      ]);
    });
  });

  it('replays the recorded history of every released version, so a change that breaks running pipelines fails here', async () => {
    // Each file is the history of a full pipeline run under one version of the workflow. A change
    // that would replay them differently must go behind patched(); then record the new version's.
    expect(await replayRecordedHistories(histories, t.bundle)).toBeGreaterThan(0);
  });

  it('records a full run that replays, the history a release keeps (RECORD_HISTORY=<file> writes it)', async () => {
    const world = new FakeWorld(SLOW);
    await withPipeline(world, async (handle) => {
      await atStage(handle, 'assessment');
      await handle.executeUpdate(assessUpdate, { args: [{ actor: assessor, draft }] });
      await handle.executeUpdate(decideUpdate, {
        args: [{ actor: approver, decision: { outcome: 'selected' } }],
      });
      await handle.signal(trainingStartedSignal);
      await atStage(handle, 'training');
      await handle.signal(trainingCompletedSignal, {
        completedModuleIds: REQUIRED,
        requiredModuleIds: REQUIRED,
      });
      await atStage(handle, 'grant_eligible');
      await handle.executeUpdate(withdrawUpdate, { args: [{ actor: coordinator, reason: 'Recorded run' }] });
      await handle.result();
      await replayAndKeep(handle, histories, t.bundle);
    });
  });
});
