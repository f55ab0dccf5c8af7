import type { WorkflowHandle } from '@temporalio/client';
import { join } from 'node:path';
import { cboPipelineWorkflowId, type PipelineStage } from '@bandanh/contracts';
import { waitFor } from '@bandanh/platform/testing';
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
  stageQuery,
  trainingStartedSignal,
  type CboPipelineActivities,
} from '../cbo-pipeline/definitions';
import type { Actor, TaskTimings } from '../shared/definitions';
import {
  TRAINING_SESSION_WORKFLOW,
  cancelSessionUpdate,
  moveSessionUpdate,
  recordAttendanceUpdate,
  sessionViewQuery,
  trainingSessionWorkflowId,
  type AttendanceEntry,
  type SessionState,
  type TrainingCompletion,
  type TrainingSessionActivities,
  type TrainingSessionInput,
} from './definitions';

const trainer: Actor = { userId: '55555555-5555-4555-8555-555555555555', roles: ['trainer'] };
const otherTrainer: Actor = { userId: '66666666-6666-4666-8666-666666666666', roles: ['trainer'] };
const coordinator: Actor = { userId: '44444444-4444-4444-8444-444444444444', roles: ['coordinator'] };
const assessor: Actor = { userId: '11111111-1111-4111-8111-111111111111', roles: ['assessor'] };
const approver: Actor = { userId: '22222222-2222-4222-8222-222222222222', roles: ['approver'] };

const MEMBER_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const MEMBER_B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const REQUIRED = ['human_rights', 'monitoring_documentation', 'advocacy', 'organisational_development'];
const MARKS: AttendanceEntry[] = [
  { memberId: MEMBER_A, mark: 'present' },
  { memberId: MEMBER_B, mark: 'late' },
];

const SLOW: TaskTimings = { remindAfter: '1 hour', escalateAfter: '1 hour', escalateTo: 'approver' };
const SECOND = 1000;

/** The training service in memory: whom the workflow told what, in order, once per event id. */
class FakeTraining {
  readonly inbox: FakeInbox;
  readonly events = new Set<string>();
  invitations = 0;
  reminders: Array<{ lead: string; startsAt: string; sentAt: number }> = [];
  moves: Array<{ startsAt: string; endsAt: string }> = [];
  cancellations: string[] = [];
  attendance: AttendanceEntry[][] = [];
  completions = 0;
  /** When the attendance task was opened (wall clock). */
  taskOpenedAt: number | null = null;
  /** What the completion answers: the CBOs whose module is now complete. */
  completed: Array<{ cboId: string } & TrainingCompletion> = [];

  constructor(timings: TaskTimings) {
    this.inbox = new FakeInbox(timings);
  }

  /** True the first time an event id is seen: a retried activity tells nobody twice. */
  private first(eventId: string): boolean {
    if (this.events.has(eventId)) return false;
    this.events.add(eventId);
    return true;
  }

  activities(): TrainingSessionActivities {
    const inbox = this.inbox.activities();
    return {
      ...inbox,
      openTask: async (task) => {
        this.taskOpenedAt ??= Date.now();
        return inbox.openTask(task);
      },
      sendInvitations: async ({ eventId }) => {
        if (this.first(eventId)) this.invitations += 1;
      },
      remindInvitees: async ({ eventId, lead, startsAt }) => {
        if (this.first(eventId)) this.reminders.push({ lead, startsAt, sentAt: Date.now() });
      },
      announceMove: async ({ eventId, startsAt, endsAt }) => {
        if (this.first(eventId)) this.moves.push({ startsAt, endsAt });
      },
      announceCancellation: async ({ eventId, reason }) => {
        if (this.first(eventId)) this.cancellations.push(reason);
      },
      expectedAttendees: async () => ({ memberIds: [MEMBER_A, MEMBER_B] }),
      recordAttendance: async ({ eventId, marks }) => {
        if (this.first(eventId)) this.attendance.push(marks);
      },
      completeSession: async () => {
        this.completions += 1;
        return { completed: this.completed };
      },
    };
  }
}

/** The network service a real pipeline needs, in memory: the stages it recorded. */
function pipelineActivities(stages: PipelineStage[], inbox: FakeInbox): CboPipelineActivities {
  const recordStage: CboPipelineActivities['recordStage'] = async ({ stage }) => {
    if (stages.at(-1) !== stage) stages.push(stage);
  };
  const { openTask, closeTask } = inbox.activities();
  return {
    ...inbox.activities(),
    recordStage,
    screenCbo: async () => ({
      name: 'Prey Lang Community Network',
      declineReason: null,
      reassessmentWaitDays: 30,
    }),
    auditDecision: async () => undefined,
    recordAssessment: async () => undefined,
    recordMove: async ({ cboId, stage, decision, closeTask: close, openTask: open }) => {
      const timings = open ? await openTask(open) : null;
      await recordStage({ cboId, stage, ...(decision && { decision }) });
      if (close) await closeTask(close);
      return { timings, reassessmentWaitDays: null };
    },
  };
}

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * SECOND).toISOString();
const msOf = (iso: string) => new Date(iso).getTime();

describe('the training session workflow', () => {
  const t = useWorkflowTestEnvironment();
  const histories = join(__dirname, 'histories');

  function sessionInput(overrides: Partial<TrainingSessionInput> = {}): TrainingSessionInput {
    return {
      sessionId: crypto.randomUUID(),
      moduleId: 'human_rights',
      label: 'Human rights — Battambang',
      trainerIds: [trainer.userId],
      startsAt: inSeconds(3600),
      endsAt: inSeconds(3600 + 3 * 3600),
      reminderLeads: ['3 days', '1 day'],
      ...overrides,
    };
  }

  /**
   * Runs a session's workflow on a fresh worker; `run` drives it through its handle. The input is
   * made once the worker polls, so its times (seconds ahead) do not count the worker's start.
   */
  async function withSession(
    training: FakeTraining,
    makeInput: () => TrainingSessionInput,
    run: (handle: WorkflowHandle, input: TrainingSessionInput) => Promise<void>,
    extra: Partial<CboPipelineActivities> = {},
  ): Promise<void> {
    await t.withWorker({ ...training.activities(), ...extra }, async (taskQueue) => {
      const input = makeInput();
      const handle = await t.env.client.workflow.start(TRAINING_SESSION_WORKFLOW, {
        workflowId: trainingSessionWorkflowId(input.sessionId),
        taskQueue,
        args: [input],
      });
      try {
        await run(handle, input);
      } finally {
        await handle.terminate('test over').catch(() => undefined);
      }
    });
  }

  const refusal = updateRefusal;

  const inState = (handle: WorkflowHandle, state: SessionState, timeoutMs = 20_000) =>
    waitFor(
      async () => {
        const view = await handle.query(sessionViewQuery);
        return view.state === state ? view : undefined;
      },
      { what: `session ${state}`, timeoutMs },
    );

  it('reminds the invitees at each configured lead before the start, then opens the attendance task after the end', async () => {
    const training = new FakeTraining(SLOW);
    // Leads from configuration; a lead longer than the time left ('1 hour') has passed already.
    const input = () =>
      sessionInput({
        startsAt: inSeconds(10),
        endsAt: inSeconds(12),
        reminderLeads: ['3 seconds', '6 seconds', '1 hour'],
      });
    await withSession(training, input, async (handle, input) => {
      const invited = await inState(handle, 'invited');
      expect(invited.nextReminder).toEqual({
        lead: '6 seconds',
        at: new Date(msOf(input.startsAt) - 6 * SECOND).toISOString(),
      });
      expect(training.invitations).toBe(1);

      const held = await waitFor(
        async () => {
          const view = await handle.query(sessionViewQuery);
          return view.attendanceTaskId ? view : undefined;
        },
        { what: 'the attendance task', timeoutMs: 20_000 },
      );
      expect(held.state).toBe('held');
      expect(held.nextReminder).toBeNull();
      // Each reminder went out at (never before) its time, earliest lead first, once.
      expect(training.reminders.map(({ lead, startsAt }) => [lead, startsAt])).toEqual([
        ['6 seconds', input.startsAt],
        ['3 seconds', input.startsAt],
      ]);
      expect(training.reminders[0].sentAt).toBeGreaterThanOrEqual(msOf(input.startsAt) - 6 * SECOND);
      expect(training.reminders[1].sentAt).toBeGreaterThanOrEqual(msOf(input.startsAt) - 3 * SECOND);
      // The task is the trainers', opened once the session has ended.
      expect(training.taskOpenedAt).toBeGreaterThanOrEqual(msOf(input.endsAt));
      expect(training.inbox.tasks.get(held.attendanceTaskId!)).toMatchObject({
        role: 'trainer',
        status: 'open',
      });

      const recorded = await handle.executeUpdate(recordAttendanceUpdate, {
        args: [{ actor: trainer, marks: MARKS }],
      });
      expect(recorded.state).toBe('attendance_recorded');
      await expect(handle.result()).resolves.toBe('completed');
      expect(training.attendance).toEqual([MARKS]);
      expect(training.completions).toBe(1);
      expect(training.inbox.tasks.get(held.attendanceTaskId!)?.status).toBe('done');
    });
  });

  it('reminds the trainers of an overdue attendance task, then escalates it to the coordinators', async () => {
    const training = new FakeTraining({
      remindAfter: '1 second',
      escalateAfter: '1 second',
      escalateTo: 'approver',
    });
    const input = () => sessionInput({ startsAt: inSeconds(1), endsAt: inSeconds(2), reminderLeads: [] });
    await withSession(training, input, async (handle) => {
      const task = await training.inbox.firstEscalated();
      expect(task).toMatchObject({
        role: 'trainer',
        reminded: true,
        escalatedTo: 'coordinator',
        status: 'open',
      });
      // A trainer of the session still closes it.
      await handle.executeUpdate(recordAttendanceUpdate, { args: [{ actor: trainer, marks: MARKS }] });
      expect(task.status).toBe('done');
      await expect(handle.result()).resolves.toBe('completed');
    });
  });

  it('takes attendance only once held, from a trainer of the session, with a mark for each expected attendee', async () => {
    const training = new FakeTraining(SLOW);
    const input = () => sessionInput({ startsAt: inSeconds(6), endsAt: inSeconds(7), reminderLeads: [] });
    await withSession(training, input, async (handle) => {
      await inState(handle, 'invited');
      const early = await refusal(
        handle.executeUpdate(recordAttendanceUpdate, { args: [{ actor: trainer, marks: MARKS }] }),
      );
      expect(early).toMatchObject({ type: 'CONFLICT', details: { reason: 'not_held_yet' } });

      await waitFor(
        async () => ((await handle.query(sessionViewQuery)).attendanceTaskId ? true : undefined),
        {
          what: 'the attendance task',
        },
      );
      const stranger = await refusal(
        handle.executeUpdate(recordAttendanceUpdate, { args: [{ actor: otherTrainer, marks: MARKS }] }),
      );
      expect(stranger).toMatchObject({ type: 'FORBIDDEN', details: { reason: 'not_session_trainer' } });
      const notEvenCoordinator = await refusal(
        handle.executeUpdate(recordAttendanceUpdate, { args: [{ actor: coordinator, marks: MARKS }] }),
      );
      expect(notEvenCoordinator.type).toBe('FORBIDDEN');

      const outsider = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
      const mismatch = await refusal(
        handle.executeUpdate(recordAttendanceUpdate, {
          args: [{ actor: trainer, marks: [MARKS[0], { memberId: outsider, mark: 'absent' }] }],
        }),
      );
      expect(mismatch).toMatchObject({
        type: 'VALIDATION_FAILED',
        details: { reason: 'attendees_mismatch', unexpected: [outsider], missing: [MEMBER_B] },
      });
      const badMark = await refusal(
        handle.executeUpdate(recordAttendanceUpdate, {
          args: [{ actor: trainer, marks: [MARKS[0], { memberId: MEMBER_B, mark: 'asleep' as 'absent' }] }],
        }),
      );
      expect(badMark.type).toBe('VALIDATION_FAILED');
      expect(training.attendance).toEqual([]);
      expect((await handle.query(sessionViewQuery)).state).toBe('held');

      await handle.executeUpdate(recordAttendanceUpdate, { args: [{ actor: trainer, marks: MARKS }] });
      await handle.result();
      expect(training.attendance).toEqual([MARKS]);
    });
  });

  it('signals completion to each CBO’s pipeline: a real pipeline moves from training to grant_eligible', async () => {
    const training = new FakeTraining(SLOW);
    const stages: PipelineStage[] = [];
    const cboId = crypto.randomUUID();
    // A CBO without a running pipeline is skipped; the others are still told.
    training.completed = [
      { cboId: crypto.randomUUID(), completedModuleIds: REQUIRED, requiredModuleIds: REQUIRED },
      { cboId, completedModuleIds: REQUIRED, requiredModuleIds: REQUIRED },
    ];
    await t.withWorker(
      { ...training.activities(), ...pipelineActivities(stages, training.inbox) },
      async (taskQueue) => {
        const pipeline = await t.env.client.workflow.start(CBO_PIPELINE_WORKFLOW, {
          workflowId: cboPipelineWorkflowId(cboId),
          taskQueue,
          args: [{ cboId }],
        });
        const atStage = (stage: PipelineStage) =>
          waitFor(async () => ((await pipeline.query(stageQuery)) === stage ? true : undefined), {
            what: `stage ${stage}`,
          });
        await atStage('assessment');
        const draft = {
          membersWomen: 12,
          membersMen: 9,
          ongoingActivities: 'Patrols',
          plannedActivities: 'Mapping',
          ambitions: 'Land title',
          leadership: 'Committee',
          meetingsHeld: 10,
          recordsKept: true,
          registration: 'in_progress',
          risks: 'Threats',
          scores: { organisation: 4 },
        } as const;
        await pipeline.executeUpdate(assessUpdate, { args: [{ actor: assessor, draft }] });
        await pipeline.executeUpdate(decideUpdate, {
          args: [{ actor: approver, decision: { outcome: 'selected' } }],
        });
        await pipeline.signal(trainingStartedSignal);
        await atStage('training');

        const input = sessionInput({ startsAt: inSeconds(2), endsAt: inSeconds(3), reminderLeads: [] });
        const session = await t.env.client.workflow.start(TRAINING_SESSION_WORKFLOW, {
          workflowId: trainingSessionWorkflowId(input.sessionId),
          taskQueue,
          args: [input],
        });
        await waitFor(
          async () => ((await session.query(sessionViewQuery)).attendanceTaskId ? true : undefined),
          {
            what: 'the attendance task',
          },
        );
        await session.executeUpdate(recordAttendanceUpdate, { args: [{ actor: trainer, marks: MARKS }] });
        await expect(session.result()).resolves.toBe('completed');
        await atStage('grant_eligible');
        expect(stages).toEqual([
          'identified',
          'assessment',
          'selection',
          'participant',
          'training',
          'grant_eligible',
        ]);
        await pipeline.terminate('test over');
      },
    );
  });

  it('moves: re-arms the reminders for the new start, tells everyone invited, and refuses a time in the past', async () => {
    const training = new FakeTraining(SLOW);
    const input = () =>
      sessionInput({
        startsAt: inSeconds(10),
        endsAt: inSeconds(3600),
        reminderLeads: ['7 seconds', '3 seconds'],
      });
    await withSession(training, input, async (handle, input) => {
      await waitFor(async () => (training.reminders.length === 1 ? true : undefined), {
        what: 'the first reminder',
      });

      const past = await refusal(
        handle.executeUpdate(moveSessionUpdate, {
          args: [{ actor: trainer, startsAt: inSeconds(-60), endsAt: inSeconds(60) }],
        }),
      );
      expect(past).toMatchObject({ type: 'VALIDATION_FAILED', details: { reason: 'invalid_time' } });
      const backwards = await refusal(
        handle.executeUpdate(moveSessionUpdate, {
          args: [{ actor: trainer, startsAt: inSeconds(60), endsAt: inSeconds(30) }],
        }),
      );
      expect(backwards).toMatchObject({ type: 'VALIDATION_FAILED', details: { reason: 'invalid_time' } });
      const stranger = await refusal(
        handle.executeUpdate(moveSessionUpdate, {
          args: [{ actor: otherTrainer, startsAt: inSeconds(60), endsAt: inSeconds(120) }],
        }),
      );
      expect(stranger).toMatchObject({ type: 'FORBIDDEN', details: { reason: 'not_session_trainer' } });
      expect(training.moves).toEqual([]);

      const startsAt = inSeconds(9);
      const endsAt = inSeconds(10);
      const moved = await handle.executeUpdate(moveSessionUpdate, {
        args: [{ actor: coordinator, startsAt, endsAt }],
      });
      expect(moved).toMatchObject({ state: 'invited', startsAt, endsAt });
      expect(moved.nextReminder).toEqual({
        lead: '7 seconds',
        at: new Date(msOf(startsAt) - 7 * SECOND).toISOString(),
      });
      expect(training.moves).toEqual([{ startsAt, endsAt }]);

      await inState(handle, 'held');
      // Both reminders again, for the new start; none more for the old one.
      expect(training.reminders.map((reminder) => [reminder.lead, reminder.startsAt])).toEqual([
        ['7 seconds', input.startsAt],
        ['7 seconds', startsAt],
        ['3 seconds', startsAt],
      ]);

      // Held: it can be neither moved nor cancelled.
      const late = await refusal(
        handle.executeUpdate(moveSessionUpdate, {
          args: [{ actor: trainer, startsAt: inSeconds(60), endsAt: inSeconds(120) }],
        }),
      );
      expect(late).toMatchObject({ type: 'CONFLICT', details: { reason: 'already_held' } });
      const lateCancel = await refusal(
        handle.executeUpdate(cancelSessionUpdate, { args: [{ actor: trainer, reason: 'Too late' }] }),
      );
      expect(lateCancel).toMatchObject({ type: 'CONFLICT', details: { reason: 'already_held' } });
      expect(training.moves).toHaveLength(1);
      expect(training.cancellations).toEqual([]);
    });
  });

  it('cancels: tells everyone invited, once, and ends the workflow', async () => {
    const training = new FakeTraining(SLOW);
    await withSession(training, sessionInput, async (handle) => {
      await inState(handle, 'invited');
      const noReason = await refusal(
        handle.executeUpdate(cancelSessionUpdate, { args: [{ actor: trainer, reason: ' ' }] }),
      );
      expect(noReason.type).toBe('VALIDATION_FAILED');
      const stranger = await refusal(
        handle.executeUpdate(cancelSessionUpdate, { args: [{ actor: otherTrainer, reason: 'Not mine' }] }),
      );
      expect(stranger.type).toBe('FORBIDDEN');

      const cancelled = await handle.executeUpdate(cancelSessionUpdate, {
        args: [{ actor: trainer, reason: 'Flooded roads' }],
      });
      expect(cancelled).toMatchObject({
        state: 'cancelled',
        cancelReason: 'Flooded roads',
        nextReminder: null,
      });
      await expect(handle.result()).resolves.toBe('cancelled');
      expect(training.cancellations).toEqual(['Flooded roads']);
      expect(training.reminders).toEqual([]);
      expect(training.inbox.tasks.size).toBe(0);
    });
  });

  it('replays the recorded history of every released version, so a change that breaks running sessions fails here', async () => {
    expect(await replayRecordedHistories(histories, t.bundle)).toBeGreaterThan(0);
  });

  it('records a full run that replays, the history a release keeps (RECORD_HISTORY=<file> writes it)', async () => {
    const training = new FakeTraining(SLOW);
    // The completion signals a pipeline (here one that is not running: the signal fails, and is passed over).
    training.completed = [
      { cboId: crypto.randomUUID(), completedModuleIds: REQUIRED, requiredModuleIds: REQUIRED },
    ];
    const input = () =>
      sessionInput({
        startsAt: inSeconds(3),
        endsAt: inSeconds(4),
        reminderLeads: ['1 second', '2 seconds'],
      });
    await withSession(training, input, async (handle) => {
      await inState(handle, 'invited');
      await handle.executeUpdate(moveSessionUpdate, {
        args: [{ actor: trainer, startsAt: inSeconds(3), endsAt: inSeconds(4) }],
      });
      await waitFor(
        async () => ((await handle.query(sessionViewQuery)).attendanceTaskId ? true : undefined),
        {
          what: 'the attendance task',
        },
      );
      await handle.executeUpdate(recordAttendanceUpdate, { args: [{ actor: trainer, marks: MARKS }] });
      await handle.result();
      await replayAndKeep(handle, histories, t.bundle);
    });
  });
});
