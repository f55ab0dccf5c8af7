import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AssessmentDraft,
  PipelineEvent,
  PipelineStage,
  SelectionDecision,
  StaffRole,
  TaskKind,
} from '@bandanh/contracts';

/** The registered name of the CBO pipeline workflow. */
export const CBO_PIPELINE_WORKFLOW = 'cboPipeline';

export interface CboPipelineInput {
  cboId: string;
}

/** The staff member taking a step, as the orchestrator vouches for them. */
export interface Actor {
  userId: string;
  roles: StaffRole[];
}

/** What the pipeline shows of itself. */
export interface PipelineView {
  stage: PipelineStage;
  assessedBy: string | null;
  reassessableFrom: string | null;
  history: PipelineEvent[];
}

/** The stage the pipeline is in now. */
export const stageQuery = defineQuery<PipelineStage>('stage');
export const viewQuery = defineQuery<PipelineView>('view');

export const assessUpdate = defineUpdate<PipelineView, [{ actor: Actor; draft: AssessmentDraft }]>('assess');
export const decideUpdate = defineUpdate<PipelineView, [{ actor: Actor; decision: SelectionDecision }]>(
  'decide',
);
export const reopenUpdate = defineUpdate<PipelineView, [{ actor: Actor }]>('reopen');
export const withdrawUpdate = defineUpdate<PipelineView, [{ actor: Actor; reason: string }]>('withdraw');
/** Sent by the training programme when the participant is enrolled in its first module. */
export const trainingStartedSignal = defineSignal('trainingStarted');

export interface OpenTaskInput {
  taskId: string;
  kind: TaskKind;
  workflowId: string;
  cboId: string;
  subjectId: string;
  subjectLabel: string;
  assigneeRole: StaffRole;
}

/** How long a task may wait before its reminder, and then before it escalates, and to whom. */
export interface TaskTimings {
  remindAfter: string;
  escalateAfter: string;
  escalateTo: StaffRole;
}

/** The inbox's side of a human step. */
export interface TaskActivities {
  openTask(input: OpenTaskInput): Promise<TaskTimings>;
  remindTask(input: { taskId: string }): Promise<void>;
  escalateTask(input: { taskId: string; toRole: StaffRole }): Promise<void>;
  closeTask(input: { taskId: string; status: 'done' | 'cancelled'; closedBy: string | null }): Promise<void>;
}

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
}

/** Stages that end the workflow. */
export const FINAL_STAGES: readonly PipelineStage[] = ['withdrawn'];

/** Error types a refused step carries; the orchestrator turns them into the contracts' codes. */
export const REFUSAL = {
  wrongStage: 'CONFLICT',
  forbidden: 'FORBIDDEN',
  invalid: 'VALIDATION_FAILED',
} as const;
