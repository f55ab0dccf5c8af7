import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { cboPipelineWorkflowId, type PipelineStage, type PipelineState } from '@bandanh/contracts';
import {
  CBO_PIPELINE_WORKFLOW,
  stageQuery,
  trainingStartedSignal,
  viewQuery,
  type CboPipelineInput,
  type PipelineView,
} from '@bandanh/workflows';
import { ORCHESTRATOR_CONFIG } from '../config/config.module';
import type { OrchestratorConfig } from '../config/env';
import { startOnce } from '../temporal/start-once';
import { runUpdate } from '../temporal/updates';
import { pipelineNotFound } from './pipeline.errors';

/** The CBO pipelines as Temporal keeps them: the only code of this feature that knows the Temporal client. */
@Injectable()
export class PipelineWorkflows {
  constructor(
    private readonly client: Client,
    @Inject(ORCHESTRATOR_CONFIG) private readonly config: OrchestratorConfig,
  ) {}

  private handle(cboId: string) {
    return this.client.workflow.getHandle(cboPipelineWorkflowId(cboId));
  }

  /** Starts the CBO's pipeline once: its id comes from the CBO's. */
  start(cboId: string): Promise<{ workflowId: string; started: boolean }> {
    return startOnce(this.client, CBO_PIPELINE_WORKFLOW, {
      workflowId: cboPipelineWorkflowId(cboId),
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [{ cboId } satisfies CboPipelineInput],
    });
  }

  async view(cboId: string): Promise<PipelineState> {
    const handle = this.handle(cboId);
    try {
      const view = await handle.query(viewQuery).catch(async (error: unknown) => {
        if (error instanceof WorkflowNotFoundError) throw error;
        // A run of the pipeline's first version answers only the stage.
        const stage = await handle.query(stageQuery);
        return { stage, assessedBy: null, reassessableFrom: null, history: [] } satisfies PipelineView;
      });
      return { cboId, workflowId: handle.workflowId, ...view };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw pipelineNotFound(cboId);
      throw error;
    }
  }

  /** Runs a step's update; its refusals come back as the contracts' errors (NOT_FOUND: no running pipeline). */
  async update<A>(
    cboId: string,
    update: UpdateDefinition<PipelineView, [A]>,
    args: A,
  ): Promise<PipelineState> {
    const handle = this.handle(cboId);
    const view = await runUpdate('Pipeline of CBO', cboId, () =>
      handle.executeUpdate(update, { args: [args] }),
    );
    return { cboId, workflowId: handle.workflowId, ...view };
  }

  /**
   * Tells the CBO's pipeline that its training has started; false when no pipeline of the CBO
   * runs (none was started, or it has ended): there is no stage to move, and nothing to retry.
   */
  async signalTrainingStarted(cboId: string): Promise<boolean> {
    try {
      await this.handle(cboId).signal(trainingStartedSignal);
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  /** Whether the CBO's pipeline runs, or the stage it ended at; undefined if Temporal has none. */
  async find(
    cboId: string,
  ): Promise<{ running: true } | { running: false; stage: PipelineStage } | undefined> {
    const handle = this.handle(cboId);
    const description = await handle.describe().catch((error: unknown) => {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    });
    if (!description) return undefined;
    if (description.status.name === 'RUNNING') return { running: true };
    const stage = await handle.query(stageQuery).catch(() => undefined);
    return stage ? { running: false, stage } : undefined;
  }
}
