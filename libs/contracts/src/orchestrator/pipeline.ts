import { z } from 'zod';
import { defineContract, WORKFLOW_STEP_TIMEOUT_MS } from '../contract';
import { StaffRole } from '../identity/caller';
import { AssessmentDraft } from '../network/assessment';

/** The stages of a CBO's pipeline, in order; declined and withdrawn end it. */
export const PIPELINE_STAGES = [
  'identified',
  'assessment',
  'selection',
  'participant',
  'training',
  'grant_eligible',
  'declined',
  'withdrawn',
] as const;
export const PipelineStage = z.enum(PIPELINE_STAGES);
export type PipelineStage = z.infer<typeof PipelineStage>;

/** Stages whose CBOs are Network Participants, listed in the directory. */
export const PARTICIPANT_STAGES: readonly PipelineStage[] = ['participant', 'training', 'grant_eligible'];

/** One workflow per CBO; the id is derived from the CBO's, so a retry cannot start two. */
export function cboPipelineWorkflowId(cboId: string): string {
  return `cbo-pipeline-${cboId}`;
}

export const PipelineEvent = z.object({
  stage: PipelineStage,
  at: z.iso.datetime(),
  /** The staff member whose step moved it; null for the workflow's own moves. */
  by: z.uuid().nullable(),
  reason: z.string().nullable(),
});
export type PipelineEvent = z.infer<typeof PipelineEvent>;

/**
 * What the pipeline waits for, as its workflow knows it: a person's step (an assessor's needs
 * assessment, an approver's decision), the training programme's enrolment, or the step being
 * recorded right now.
 */
export const PIPELINE_WAITS = ['assessment', 'selection', 'training', 'recording'] as const;
export const PipelineWait = z.object({
  step: z.enum(PIPELINE_WAITS),
  /** The staff role whose step it is; null for the training programme or a step being recorded. */
  role: StaffRole.nullable(),
  /** The step's task in the inbox once its opening is recorded; null while it is being created. */
  taskId: z.string().nullable(),
});
export type PipelineWait = z.infer<typeof PipelineWait>;

export const PipelineState = z.object({
  cboId: z.uuid(),
  workflowId: z.string(),
  stage: PipelineStage,
  assessedBy: z.uuid().nullable(),
  /** After a decline: when the CBO may be assessed again. */
  reassessableFrom: z.iso.datetime().nullable(),
  history: z.array(PipelineEvent),
  /**
   * The step the pipeline waits for (null: none, it has ended or waits for nobody); absent
   * from a step's answer and from runs of the pipeline's first version.
   */
  waitingFor: PipelineWait.nullable().optional(),
});
export type PipelineState = z.infer<typeof PipelineState>;

export const startPipeline = defineContract({
  subject: 'orchestrator.pipeline.start',
  request: z.object({ cboId: z.uuid() }),
  response: z.object({ workflowId: z.string(), started: z.boolean() }),
});

export const getPipeline = defineContract({
  subject: 'orchestrator.pipeline.get',
  request: z.object({ cboId: z.uuid() }),
  response: PipelineState,
});

export const SelectionDecision = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('selected'),
    reason: z
      .string()
      .trim()
      .max(1000)
      .optional()
      .transform((value) => value || undefined),
  }),
  z.object({
    outcome: z.literal('declined'),
    reason: z.string().trim().min(1, 'Give the reason; the CBO will see it').max(1000),
  }),
]);
export type SelectionDecision = z.input<typeof SelectionDecision>;

/** The assessor records the needs assessment; the CBO moves on to selection. */
export const assessCbo = defineContract({
  subject: 'orchestrator.pipeline.assess',
  timeoutMs: WORKFLOW_STEP_TIMEOUT_MS,
  request: z.object({ cboId: z.uuid(), draft: AssessmentDraft }),
  response: PipelineState,
});

/** An approver (not the assessor) selects the CBO or declines it with a reason. */
export const decideSelection = defineContract({
  subject: 'orchestrator.pipeline.decide',
  timeoutMs: WORKFLOW_STEP_TIMEOUT_MS,
  request: z.object({ cboId: z.uuid(), decision: SelectionDecision }),
  response: PipelineState,
});

/** After the waiting time, a declined CBO may be assessed again. */
export const reopenAssessment = defineContract({
  subject: 'orchestrator.pipeline.reopen',
  timeoutMs: WORKFLOW_STEP_TIMEOUT_MS,
  request: z.object({ cboId: z.uuid() }),
  response: PipelineState,
});

export const withdrawCbo = defineContract({
  subject: 'orchestrator.pipeline.withdraw',
  timeoutMs: WORKFLOW_STEP_TIMEOUT_MS,
  request: z.object({ cboId: z.uuid(), reason: z.string().trim().min(1, 'Give the reason').max(1000) }),
  response: PipelineState,
});

/**
 * Reasons a programme rule gives rather than a person; the web shows each in the reader's
 * language. A person's reason is free text.
 */
export const RULE_REASONS = { pilotDevelopment: 'rule:pilot_development' } as const;
