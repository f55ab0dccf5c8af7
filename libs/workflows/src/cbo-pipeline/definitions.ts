import { defineQuery } from '@temporalio/workflow';
import type { PipelineStage } from '@bandanh/contracts';

/** The registered name of the CBO pipeline workflow. */
export const CBO_PIPELINE_WORKFLOW = 'cboPipeline';

export interface CboPipelineInput {
  cboId: string;
}

/** The stage the pipeline is in now. */
export const stageQuery = defineQuery<PipelineStage>('stage');

/** What the pipeline asks of the outside world; implemented by the orchestrator. */
export interface CboPipelineActivities {
  /** Persists the stage the pipeline reached in the network service. */
  recordStage(input: { cboId: string; stage: PipelineStage }): Promise<void>;
}

/** Stages that end the workflow. */
export const FINAL_STAGES: readonly PipelineStage[] = ['declined', 'withdrawn'];
