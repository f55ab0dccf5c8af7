import {
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
  type defineUpdate,
} from '@temporalio/workflow';
import type {
  PipelineEvent,
  PipelineRefusal,
  PipelineStage,
  PipelineWait,
  StaffRole,
  TaskKind,
} from '@bandanh/contracts';
import { ACTIVITY_OPTIONS, LOCAL_ACTIVITY_OPTIONS } from '../shared/activity-options';
import { REFUSAL, type Actor, type TaskTimings } from '../shared/definitions';
import { closeTask, followUp, taskIdFor, taskInput, waitForPerson } from '../shared/human-step';
import { OneStepAtATime } from '../shared/one-step-at-a-time';
import { passOn, refuse, requireActorGroup } from '../shared/refusals';
import {
  FINAL_STAGES,
  assessUpdate,
  decideUpdate,
  reopenUpdate,
  stageQuery,
  trainingCompletedSignal,
  trainingStartedSignal,
  viewQuery,
  withdrawUpdate,
  type CboPipelineActivities,
  type CboPipelineInput,
  type PipelineMove,
  type PipelineView,
} from './definitions';
import { breaksFourEyesInWorkflow } from './rules';

/** The activities of runs started before `one-step-per-move`: one round trip through the server each. */
const { recordStage, screenCbo, recordAssessment, auditDecision } =
  proxyActivities<CboPipelineActivities>(ACTIVITY_OPTIONS);
/** Since `one-step-per-move`: the same calls, run by the worker within the workflow task. */
const local = proxyLocalActivities<CboPipelineActivities>(LOCAL_ACTIVITY_OPTIONS);

/**
 * The patch after which each move of the pipeline is one local activity (`recordMove`: the
 * stage, the task left and the task reached, the assessment or the audit entry), the set-up is
 * screened in parallel, and a step that arrives on the way to its stage waits for it. A run
 * started before it keeps, to its end, the command sequence it was recorded with.
 */
const ONE_STEP_PER_MOVE = 'one-step-per-move';

/**
 * The patch after which a pipeline at `training` waits for the training programme's
 * `trainingCompleted` and moves to `grant_eligible` once every required module is complete.
 * Runs started before it stay at `training` as they were recorded.
 */
const TRAINING_COMPLETION = 'training-completion';
/**
 * Every module the training programme said complete counts, whatever order its sessions' news
 * arrives in: two sessions completed at once each report only what was committed before them.
 */
const COMPLETION_UNION = 'training-completion-union';

/** How long a step that arrives while the pipeline is on its way to its stage waits for it. */
const ARRIVAL_WAIT = '5 seconds';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The human step each waiting stage needs: its task and who does it. */
const STEPS: Partial<Record<PipelineStage, { kind: TaskKind; role: StaffRole }>> = {
  assessment: { kind: 'assess_cbo', role: 'assessor' },
  selection: { kind: 'decide_selection', role: 'approver' },
};

const wrongStage = (stage: PipelineStage, step: string) =>
  refuse(`The CBO is at the ${stage} stage, so it cannot ${step} now`, REFUSAL.wrongStage, {
    reason: 'wrong_stage' satisfies PipelineRefusal,
    stage,
  });

/**
 * One CBO's journey through the network programme, and the single writer of its stage:
 * identified → assessment → selection → participant → training → grant_eligible (once the
 * training programme says every required module is complete), or declined (which may be
 * reopened after a waiting time) or withdrawn (which ends it). Each staff step is an update
 * whose validator refuses a wrong stage, a wrong role or a broken four-eyes rule before
 * anything changes; each waiting stage has a task in the staff inbox.
 */
export async function cboPipeline({ cboId }: CboPipelineInput): Promise<PipelineStage> {
  const oneStep = patched(ONE_STEP_PER_MOVE);
  const trainingCompletion = patched(TRAINING_COMPLETION);
  const gate = new OneStepAtATime<PipelineStage>(
    'Another step for this CBO is being recorded; try again in a moment',
  );
  // Setting itself up (identified, screened, then assessment or declined) is the pipeline's own
  // move: a step sent at once waits for it rather than finding the CBO still "identified".
  if (oneStep) gate.begin(['assessment', 'declined'], true);

  const state = {
    stage: 'identified' as PipelineStage,
    assessedBy: null as string | null,
    reassessableFrom: null as string | null,
    history: [] as PipelineEvent[],
    seq: 0,
    openTaskId: null as string | null,
    openedTaskId: null as string | null,
    /** The open task's reminder and escalation, as the move that opened it answered. */
    timings: null as TaskTimings | null,
    label: '',
    trainingStarted: false,
    /** Every module required for grants is complete, as the training programme last said. */
    trainingComplete: false,
    /** The modules the training programme has said complete, in any of its messages. */
    completedModules: new Set<string>(),
  };
  const view = (): PipelineView => ({
    stage: state.stage,
    assessedBy: state.assessedBy,
    reassessableFrom: state.reassessableFrom,
    history: [...state.history],
  });
  /**
   * The step the pipeline waits for: a step being recorded; else the person's step of the stage
   * (with its task once its opening is recorded: a run started before `one-step-per-move` opens
   * it after reaching the stage), or the training programme's enrolment of a participant.
   */
  const waitingFor = (): PipelineWait | null => {
    if (gate.busy) return { step: 'recording', role: null, taskId: null };
    const stage = state.stage;
    const human = STEPS[stage];
    if (human && (stage === 'assessment' || stage === 'selection')) {
      const opened = state.openTaskId !== null && state.openedTaskId === state.openTaskId;
      return { step: stage, role: human.role, taskId: opened ? state.openTaskId : null };
    }
    if (stage === 'participant' && !state.trainingStarted)
      return { step: 'training', role: null, taskId: null };
    return null;
  };
  setHandler(stageQuery, () => state.stage);
  // A query changes no history: recorded runs replay as they were.
  setHandler(viewQuery, () => ({ ...view(), waitingFor: waitingFor() }));

  function reached(stage: PipelineStage, by: string | null, reason: string | null) {
    state.stage = stage;
    state.history.push({ stage, at: new Date().toISOString(), by, reason });
  }

  const reassessableAfter = (days: number) => new Date(new Date().getTime() + days * DAY_MS).toISOString();

  /**
   * One move in one local activity: the stage reached, the open task closed (done, or
   * cancelled), the task of the stage reached opened, and what else the step records.
   */
  async function move(
    stage: PipelineStage,
    by: string | null,
    reason: string | null,
    parts: Omit<PipelineMove, 'cboId' | 'stage' | 'closeTask' | 'openTask'> = {},
    closeAs: 'done' | 'cancelled' = 'done',
  ) {
    const human = STEPS[stage];
    const seq = state.seq + 1;
    const openTask =
      human &&
      taskInput({
        taskId: taskIdFor(human.kind, seq),
        kind: human.kind,
        cboId,
        subjectId: cboId,
        subjectLabel: state.label,
        assigneeRole: human.role,
      });
    const closeTask = state.openTaskId
      ? { taskId: state.openTaskId, status: closeAs, closedBy: by }
      : undefined;
    const result = await local
      .recordMove({ cboId, stage, ...parts, ...(closeTask && { closeTask }), ...(openTask && { openTask }) })
      .catch(passOn);
    if (openTask) state.seq = seq;
    state.openTaskId = openTask?.taskId ?? null;
    state.openedTaskId = state.openTaskId;
    state.timings = result.timings;
    reached(stage, by, reason);
    return result;
  }

  // The command sequence of runs started before `one-step-per-move`, kept as it was recorded.
  const legacy = {
    async moveTo(
      stage: PipelineStage,
      by: string | null,
      reason: string | null,
      decision?: { outcome: 'selected' | 'declined'; reason: string | null },
    ) {
      await recordStage(decision ? { cboId, stage, decision } : { cboId, stage });
      reached(stage, by, reason);
    },
    async decline(by: string | null, reason: string) {
      const { reassessmentWaitDays } = await screenCbo({ cboId });
      state.reassessableFrom = reassessableAfter(reassessmentWaitDays);
      await legacy.moveTo('declined', by, reason, { outcome: 'declined', reason });
    },
    /** Closes the open task (once its opening is recorded), as done by `by` or cancelled. */
    async closeOpenTask(status: 'done' | 'cancelled', by: string | null) {
      const taskId = state.openTaskId;
      if (!taskId) return;
      await condition(() => state.openedTaskId === taskId);
      await closeTask(taskId, status, by);
      state.openTaskId = null;
    },
  };

  /**
   * A validator's check of the stage: true when the step must first wait for the move in
   * flight (one-step runs, with `mayWait`), else it throws `wrong()` or the busy refusal.
   */
  const admit = (
    needs: (stage: PipelineStage) => boolean,
    step: string,
    mayWait: boolean,
    wrong = () => wrongStage(state.stage, step),
  ) => gate.admit(state.stage, needs, wrong, oneStep && mayWait);

  /**
   * A person's step: `check` refuses it before anything changes (in the validator, and again in
   * the handler, after waiting for a move on its way to the step's stage), then it is recorded,
   * one step at a time, moving towards `towards`.
   */
  function staffStep<A extends { actor: Actor }>(
    update: ReturnType<typeof defineUpdate<PipelineView, [A]>>,
    check: (args: A, mayWait: boolean) => void,
    towards: (args: A) => readonly PipelineStage[],
    run: (args: A) => Promise<void>,
  ) {
    setHandler(
      update,
      async (args) => {
        if (oneStep) await gate.landed(ARRIVAL_WAIT);
        check(args, false);
        await gate.run(() => run(args), towards(args));
        return view();
      },
      { validator: (args) => check(args, true) },
    );
  }

  const atStage = (stage: PipelineStage) => (current: PipelineStage) => current === stage;

  staffStep(
    assessUpdate,
    ({ actor }, mayWait) => {
      requireActorGroup(actor, 'assessors', 'record a needs assessment');
      admit(atStage('assessment'), 'be assessed', mayWait);
    },
    () => ['selection'],
    async ({ actor, draft }) => {
      const stepId = `${workflowInfo().workflowId}:assessment:${state.seq}`;
      if (oneStep) {
        await move('selection', actor.userId, null, {
          assessment: { stepId, assessedBy: actor.userId, draft },
        });
        state.assessedBy = actor.userId;
        return;
      }
      await recordAssessment({ stepId, cboId, assessedBy: actor.userId, draft }).catch(passOn);
      state.assessedBy = actor.userId;
      await legacy.closeOpenTask('done', actor.userId);
      await legacy.moveTo('selection', actor.userId, null);
    },
  );

  staffStep(
    decideUpdate,
    ({ actor }, mayWait) => {
      requireActorGroup(actor, 'approvers', 'decide selection');
      if (admit(atStage('selection'), 'be selected or declined', mayWait)) return;
      if (breaksFourEyesInWorkflow(actor.userId, { assessedBy: state.assessedBy })) {
        throw refuse(
          'You assessed this CBO, so another approver must decide (four eyes)',
          REFUSAL.forbidden,
          {
            reason: 'four_eyes' satisfies PipelineRefusal,
          },
        );
      }
    },
    ({ decision }) => [decision.outcome === 'selected' ? 'participant' : 'declined'],
    async ({ actor, decision }) => {
      if (oneStep) {
        const selected = decision.outcome === 'selected';
        const reason = decision.reason ?? null;
        const { reassessmentWaitDays } = await move(
          selected ? 'participant' : 'declined',
          actor.userId,
          reason,
          {
            decision: { outcome: decision.outcome, reason },
            // The decision's audit entry is written with it, and retried with it: a failing
            // audit log delays the answer, never turns it into a failed decision.
            audit: {
              eventId: `${workflowInfo().workflowId}:decision:${state.history.length + 1}`,
              actorId: actor.userId,
              outcome: decision.outcome,
            },
            reassessmentWait: !selected,
          },
        );
        state.reassessableFrom = selected ? null : reassessableAfter(reassessmentWaitDays ?? 0);
        return;
      }
      await legacy.closeOpenTask('done', actor.userId);
      if (decision.outcome === 'selected') {
        state.reassessableFrom = null;
        await legacy.moveTo('participant', actor.userId, decision.reason ?? null, {
          outcome: 'selected',
          reason: decision.reason ?? null,
        });
      } else {
        await legacy.decline(actor.userId, decision.reason);
      }
      // The decision is audited by an activity: a failing audit log is retried, never
      // reported to the approver as a failed decision.
      if (patched('audit-decision-in-workflow')) {
        await auditDecision({
          eventId: `${workflowInfo().workflowId}:decision:${state.history.length}`,
          cboId,
          actorId: actor.userId,
          outcome: decision.outcome,
        });
      }
    },
  );

  staffStep(
    reopenUpdate,
    ({ actor }, mayWait) => {
      requireActorGroup(actor, 'cboWriters', 'reopen an assessment');
      if (admit(atStage('declined'), 'be assessed again', mayWait)) return;
      if (state.reassessableFrom && new Date().toISOString() < state.reassessableFrom) {
        throw refuse(
          `This CBO may be assessed again from ${state.reassessableFrom.slice(0, 10)}`,
          REFUSAL.wrongStage,
          { reason: 'too_early' satisfies PipelineRefusal, reassessableFrom: state.reassessableFrom },
        );
      }
    },
    () => ['assessment'],
    async ({ actor }) => {
      state.reassessableFrom = null;
      if (oneStep) await move('assessment', actor.userId, null);
      else await legacy.moveTo('assessment', actor.userId, null);
    },
  );

  staffStep(
    withdrawUpdate,
    ({ actor }, mayWait) => {
      requireActorGroup(actor, 'cboWriters', 'withdraw a CBO');
      admit(
        (stage) => !FINAL_STAGES.includes(stage),
        'be withdrawn',
        mayWait,
        () => refuse('This CBO has already been withdrawn'),
      );
    },
    () => ['withdrawn'],
    async ({ actor, reason }) => {
      if (oneStep) {
        await move('withdrawn', actor.userId, reason, {}, 'cancelled');
        return;
      }
      await legacy.closeOpenTask('cancelled', actor.userId);
      await legacy.moveTo('withdrawn', actor.userId, reason);
    },
  );

  setHandler(trainingStartedSignal, () => {
    state.trainingStarted = true;
  });
  setHandler(trainingCompletedSignal, ({ completedModuleIds, requiredModuleIds }) => {
    if (!patched(COMPLETION_UNION)) {
      state.trainingComplete = requiredModuleIds.every((id) => completedModuleIds.includes(id));
      return;
    }
    for (const id of completedModuleIds) state.completedModules.add(id);
    state.trainingComplete = requiredModuleIds.every((id) => state.completedModules.has(id));
  });

  if (oneStep) {
    try {
      const [, screen] = await Promise.all([
        local.recordStage({ cboId, stage: state.stage }),
        local.screenCbo({ cboId }),
      ]);
      reached('identified', null, null);
      state.label = screen.name;
      if (screen.declineReason) {
        gate.heading(['declined']);
        state.reassessableFrom = reassessableAfter(screen.reassessmentWaitDays);
        await move('declined', null, screen.declineReason, {
          decision: { outcome: 'declined', reason: screen.declineReason },
        });
      } else {
        gate.heading(['assessment']);
        await move('assessment', null, null);
      }
    } finally {
      gate.end();
    }
  } else {
    // The first report keeps the order of the pipeline's first version, so its runs replay.
    await recordStage({ cboId, stage: state.stage });
    state.history.push({ stage: state.stage, at: new Date().toISOString(), by: null, reason: null });
    const screen = await screenCbo({ cboId });
    state.label = screen.name;
    if (screen.declineReason) await legacy.decline(null, screen.declineReason);
    else await legacy.moveTo('assessment', null, null);
  }

  while (!FINAL_STAGES.includes(state.stage)) {
    const current = state.stage;
    const human = STEPS[current];
    const left = () => state.stage !== current;
    if (human && oneStep) {
      // The move into this stage opened its task: follow it up until the step is taken.
      if (state.openTaskId && state.timings) await followUp(state.openTaskId, state.timings, left);
    } else if (human) {
      state.seq += 1;
      const taskId = taskIdFor(human.kind, state.seq);
      state.openTaskId = taskId;
      await waitForPerson(
        {
          taskId,
          kind: human.kind,
          cboId,
          subjectId: cboId,
          subjectLabel: state.label,
          assigneeRole: human.role,
        },
        left,
        () => {
          state.openedTaskId = taskId;
        },
      );
    } else if (current === 'participant') {
      await condition(() => state.trainingStarted || left());
      if (!left() && !gate.busy) {
        if (oneStep) await gate.run(() => move('training', null, null), ['training'], true);
        else await legacy.moveTo('training', null, null);
      }
    } else if (current === 'training' && trainingCompletion && oneStep) {
      await condition(() => state.trainingComplete || left());
      if (!left() && !gate.busy)
        await gate.run(() => move('grant_eligible', null, null), ['grant_eligible'], true);
    }
    await condition(() => left() && !gate.busy);
  }
  return state.stage;
}
