import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AssessmentDraft,
  PipelineEvent,
  PipelineStage,
  PipelineWait,
  SelectionDecision,
} from '@bandanh/contracts';
import type { Actor, OpenTaskInput, TaskActivities, TaskTimings } from '../shared/definitions';

/** The registered name of the CBO pipeline workflow. */
export const CBO_PIPELINE_WORKFLOW = 'cboPipeline';

export interface CboPipelineInput {
  cboId: string;
}

/** What the pipeline shows of itself. */
export interface PipelineView {
  stage: PipelineStage;
  assessedBy: string | null;
  reassessableFrom: string | null;
  history: PipelineEvent[];
  /**
   * What the pipeline waits for now (the view query answers it; a step's answer leaves it out,
   * so the results recorded in histories keep their shape).
   */
  waitingFor?: PipelineWait | null;
}

/** The stage the pipeline is in now. */
export const stageQuery = defineQuery<PipelineStage>('stage');
/** The pipeline as it is now, with the step it waits for. A query: it changes no history. */
export const viewQuery = defineQuery<PipelineView>('view');

export const assessUpdate = defineUpdate<PipelineView, [{ actor: Actor; draft: AssessmentDraft }]>('assess');
export const decideUpdate = defineUpdate<PipelineView, [{ actor: Actor; decision: SelectionDecision }]>(
  'decide',
);
export const reopenUpdate = defineUpdate<PipelineView, [{ actor: Actor }]>('reopen');
export const withdrawUpdate = defineUpdate<PipelineView, [{ actor: Actor; reason: string }]>('withdraw');
/** Sent by the training programme when the participant is enrolled in its first module. */
export const trainingStartedSignal = defineSignal('trainingStarted');
/**
 * Sent by a training session's workflow when one of the CBO's modules is complete: the CBO's
 * completed modules and those required for grants. Once every required module is complete, a
 * pipeline at `training` moves to `grant_eligible` (since patch `training-completion`).
 */
export const trainingCompletedSignal =
  defineSignal<[{ completedModuleIds: string[]; requiredModuleIds: string[] }]>('trainingCompleted');

/** What the pipeline asks of the outside world; implemented by the orchestrator. */
export interface CboPipelineActivities extends TaskActivities {
  /** Persists the stage the pipeline reached in the network service. */
  recordStage(input: {
    cboId: string;
    stage: PipelineStage;
    decision?: { outcome: 'selected' | 'declined'; reason: string | null };
  }): Promise<void>;
  /** The CBO's label for tasks, and whether a programme rule declines it at once. */
  screenCbo(input: { cboId: string }): Promise<{
    name: string;
    declineReason: string | null;
    reassessmentWaitDays: number;
  }>;
  /** Writes a selection decision to the audit log, once per event id however often it is retried. */
  auditDecision(input: {
    eventId: string;
    cboId: string;
    actorId: string;
    outcome: 'selected' | 'declined';
  }): Promise<void>;
  recordAssessment(input: {
    stepId: string;
    cboId: string;
    assessedBy: string;
    draft: AssessmentDraft;
  }): Promise<void>;
  /**
   * One move of the pipeline in one call (since patch `one-step-per-move`): what the step
   * records, the stage it reaches, the task it closes and the one it opens, and its audit entry.
   */
  recordMove(input: PipelineMove): Promise<PipelineMoveResult>;
}

/**
 * Everything one move of the pipeline persists. The assessment is stored first, and a refusal
 * of it stops the move before anything else changes; the rest is written together. Every part
 * is idempotent (the stage is set, the task ids, step id and event id are the workflow's), so a
 * retried move writes nothing twice.
 */
export interface PipelineMove {
  cboId: string;
  /** The stage reached, kept by the network service; with a selection decision, what was decided. */
  stage: PipelineStage;
  decision?: { outcome: 'selected' | 'declined'; reason: string | null };
  assessment?: { stepId: string; assessedBy: string; draft: AssessmentDraft };
  /** The task of the stage left: done by the person who took the step, or cancelled. */
  closeTask?: { taskId: string; status: 'done' | 'cancelled'; closedBy: string | null };
  /** The task of the stage reached. */
  openTask?: OpenTaskInput;
  /** A selection decision's audit entry, once per event id. */
  audit?: { eventId: string; actorId: string; outcome: 'selected' | 'declined' };
  /** A decline: ask the programme's waiting time before the CBO may be assessed again. */
  reassessmentWait?: boolean;
}

export interface PipelineMoveResult {
  /** The reminder and escalation of the task opened, if one was. */
  timings: TaskTimings | null;
  /** With `reassessmentWait`: the waiting time in days. */
  reassessmentWaitDays: number | null;
}

/** Stages that end the workflow. */
export const FINAL_STAGES: readonly PipelineStage[] = ['withdrawn'];
