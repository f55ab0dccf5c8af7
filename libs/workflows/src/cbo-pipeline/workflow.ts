import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  breaksFourEyes,
  type PipelineEvent,
  type PipelineStage,
  type StaffRole,
  type TaskKind,
} from '@bandanh/contracts';
import {
  FINAL_STAGES,
  REFUSAL,
  assessUpdate,
  decideUpdate,
  reopenUpdate,
  stageQuery,
  trainingStartedSignal,
  viewQuery,
  withdrawUpdate,
  type CboPipelineActivities,
  type CboPipelineInput,
  type PipelineView,
} from './definitions';
import { closeTask, refuse, requireActorRole, taskIdFor, waitForPerson } from './human-step';

const { recordStage, screenCbo, recordAssessment, auditDecision } = proxyActivities<CboPipelineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** The human step each waiting stage needs: its task and who does it. */
const STEPS: Partial<Record<PipelineStage, { kind: TaskKind; role: StaffRole }>> = {
  assessment: { kind: 'assess_cbo', role: 'assessor' },
  selection: { kind: 'decide_selection', role: 'approver' },
};

/** A refusal the network service gave an activity, passed on to the step's caller as it was. */
function passOn(error: unknown): never {
  if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) {
    throw ApplicationFailure.create({
      message: error.cause.message,
      type: error.cause.type ?? REFUSAL.invalid,
      details: error.cause.details as unknown[],
      nonRetryable: true,
    });
  }
  throw error;
}

/**
 * One CBO's journey through the network programme, and the single writer of its stage:
 * identified → assessment → selection → participant → training, or declined (which may be
 * reopened after a waiting time) or withdrawn (which ends it). Each staff step is an update
 * whose validator refuses a wrong stage, a wrong role or a broken four-eyes rule before
 * anything changes; each waiting stage has a task in the staff inbox.
 */
export async function cboPipeline({ cboId }: CboPipelineInput): Promise<PipelineStage> {
  const state = {
    stage: 'identified' as PipelineStage,
    assessedBy: null as string | null,
    reassessableFrom: null as string | null,
    history: [] as PipelineEvent[],
    /** A step is being recorded: another must wait for it. */
    busy: false,
    seq: 0,
    openTaskId: null as string | null,
    openedTaskId: null as string | null,
    label: '',
    trainingStarted: false,
  };
  const view = (): PipelineView => ({
    stage: state.stage,
    assessedBy: state.assessedBy,
    reassessableFrom: state.reassessableFrom,
    history: [...state.history],
  });
  setHandler(stageQuery, () => state.stage);
  setHandler(viewQuery, view);

  async function moveTo(
    stage: PipelineStage,
    by: string | null,
    reason: string | null,
    decision?: { outcome: 'selected' | 'declined'; reason: string | null },
  ) {
    await recordStage(decision ? { cboId, stage, decision } : { cboId, stage });
    state.stage = stage;
    state.history.push({ stage, at: new Date().toISOString(), by, reason });
  }

  async function decline(by: string | null, reason: string) {
    const { reassessmentWaitDays } = await screenCbo({ cboId });
    state.reassessableFrom = new Date(new Date().getTime() + reassessmentWaitDays * DAY_MS).toISOString();
    await moveTo('declined', by, reason, { outcome: 'declined', reason });
  }

  /** Closes the open task (once its opening is recorded), as done by `by` or cancelled. */
  async function closeOpenTask(status: 'done' | 'cancelled', by: string | null) {
    const taskId = state.openTaskId;
    if (!taskId) return;
    await condition(() => state.openedTaskId === taskId);
    await closeTask(taskId, status, by);
    state.openTaskId = null;
  }

  function guard(stage: PipelineStage, step: string) {
    if (state.busy) {
      throw refuse('Another step for this CBO is being recorded; try again in a moment', REFUSAL.wrongStage, {
        reason: 'busy',
      });
    }
    if (state.stage !== stage) {
      throw refuse(`The CBO is at the ${state.stage} stage, so it cannot ${step} now`, REFUSAL.wrongStage, {
        reason: 'wrong_stage',
        stage: state.stage,
      });
    }
  }

  async function step<T>(run: () => Promise<T>): Promise<T> {
    state.busy = true;
    try {
      return await run();
    } finally {
      state.busy = false;
    }
  }

  setHandler(
    assessUpdate,
    ({ actor, draft }) =>
      step(async () => {
        const stepId = `${workflowInfo().workflowId}:assessment:${state.seq}`;
        await recordAssessment({ stepId, cboId, assessedBy: actor.userId, draft }).catch(passOn);
        state.assessedBy = actor.userId;
        await closeOpenTask('done', actor.userId);
        await moveTo('selection', actor.userId, null);
        return view();
      }),
    {
      validator: ({ actor }) => {
        requireActorRole(actor, ['assessor'], 'record a needs assessment');
        guard('assessment', 'be assessed');
      },
    },
  );

  setHandler(
    decideUpdate,
    ({ actor, decision }) =>
      step(async () => {
        await closeOpenTask('done', actor.userId);
        if (decision.outcome === 'selected') {
          state.reassessableFrom = null;
          await moveTo('participant', actor.userId, decision.reason ?? null, {
            outcome: 'selected',
            reason: decision.reason ?? null,
          });
        } else {
          await decline(actor.userId, decision.reason);
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
        return view();
      }),
    {
      validator: ({ actor }) => {
        requireActorRole(actor, ['approver'], 'decide selection');
        guard('selection', 'be selected or declined');
        if (breaksFourEyes(actor.userId, { assessedBy: state.assessedBy })) {
          throw refuse(
            'You assessed this CBO, so another approver must decide (four eyes)',
            REFUSAL.forbidden,
            {
              reason: 'four_eyes',
            },
          );
        }
      },
    },
  );

  setHandler(
    reopenUpdate,
    ({ actor }) =>
      step(async () => {
        state.reassessableFrom = null;
        await moveTo('assessment', actor.userId, null);
        return view();
      }),
    {
      validator: ({ actor }) => {
        requireActorRole(actor, ['coordinator', 'admin'], 'reopen an assessment');
        guard('declined', 'be assessed again');
        if (state.reassessableFrom && new Date().toISOString() < state.reassessableFrom) {
          throw refuse(
            `This CBO may be assessed again from ${state.reassessableFrom.slice(0, 10)}`,
            REFUSAL.wrongStage,
            { reason: 'too_early', reassessableFrom: state.reassessableFrom },
          );
        }
      },
    },
  );

  setHandler(
    withdrawUpdate,
    ({ actor, reason }) =>
      step(async () => {
        await closeOpenTask('cancelled', actor.userId);
        await moveTo('withdrawn', actor.userId, reason);
        return view();
      }),
    {
      validator: ({ actor }) => {
        requireActorRole(actor, ['coordinator', 'admin'], 'withdraw a CBO');
        if (state.busy) {
          throw refuse(
            'Another step for this CBO is being recorded; try again in a moment',
            REFUSAL.wrongStage,
            {
              reason: 'busy',
            },
          );
        }
        if (FINAL_STAGES.includes(state.stage)) throw refuse('This CBO has already been withdrawn');
      },
    },
  );

  setHandler(trainingStartedSignal, () => {
    state.trainingStarted = true;
  });

  // The first report keeps the order of the pipeline's first version, so its runs replay.
  await recordStage({ cboId, stage: state.stage });
  state.history.push({ stage: state.stage, at: new Date().toISOString(), by: null, reason: null });
  const screen = await screenCbo({ cboId });
  state.label = screen.name;
  if (screen.declineReason) await decline(null, screen.declineReason);
  else await moveTo('assessment', null, null);

  while (!FINAL_STAGES.includes(state.stage)) {
    const current = state.stage;
    const human = STEPS[current];
    if (human) {
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
        () => state.stage !== current,
        () => {
          state.openedTaskId = taskId;
        },
      );
    } else if (current === 'participant') {
      await condition(() => state.trainingStarted || state.stage !== current);
      if (state.stage === current && !state.busy) await moveTo('training', null, null);
    }
    await condition(() => state.stage !== current && !state.busy);
  }
  return state.stage;
}
