import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { cboPipelineWorkflowId, type PipelineState } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';
import { CBO_PIPELINE_WORKFLOW, stageQuery, type CboPipelineInput } from '@bandanh/workflows';
import type { OrchestratorConfig } from '../config/env';
import { ORCHESTRATOR_CONFIG } from '../temporal/tokens';

@Injectable()
export class PipelineService {
  constructor(
    private readonly client: Client,
    @Inject(ORCHESTRATOR_CONFIG) private readonly config: OrchestratorConfig,
  ) {}

  /**
   * Starts the CBO's pipeline. The workflow id comes from the CBO id and a duplicate is
   * refused by Temporal, so a retried command finds the pipeline already there.
   */
  async start(cboId: string): Promise<{ workflowId: string; started: boolean }> {
    const workflowId = cboPipelineWorkflowId(cboId);
    try {
      await this.client.workflow.start(CBO_PIPELINE_WORKFLOW, {
        workflowId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [{ cboId } satisfies CboPipelineInput],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      return { workflowId, started: true };
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
      throw error;
    }
  }

  async get(cboId: string): Promise<PipelineState> {
    const workflowId = cboPipelineWorkflowId(cboId);
    try {
      const stage = await this.client.workflow.getHandle(workflowId).query(stageQuery);
      return { cboId, workflowId, stage };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw DomainError.notFound('Pipeline of CBO', cboId);
      throw error;
    }
  }
}
