import { z } from 'zod';
import { defineContract } from '../contract';

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

/** One workflow per CBO; the id is derived from the CBO's, so a retry cannot start two. */
export function cboPipelineWorkflowId(cboId: string): string {
  return `cbo-pipeline-${cboId}`;
}

export const PipelineState = z.object({
  cboId: z.uuid(),
  workflowId: z.string(),
  stage: PipelineStage,
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
