import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import {
  cboPipelineWorkflowId,
  type AssessmentDraft,
  type PipelineState,
  type SelectionDecision,
} from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';
import {
  CBO_PIPELINE_WORKFLOW,
  assessUpdate,
  decideUpdate,
  reopenUpdate,
  stageQuery,
  viewQuery,
  withdrawUpdate,
  type Actor,
  type CboPipelineInput,
  type PipelineView,
} from '@bandanh/workflows';
import type { OrchestratorConfig } from '../config/env';
import { ORCHESTRATOR_CONFIG } from '../temporal/tokens';
import { runUpdate } from '../temporal/updates';

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
    const handle = this.client.workflow.getHandle(workflowId);
    try {
      const view = await handle.query(viewQuery).catch(async (error: unknown) => {
        if (error instanceof WorkflowNotFoundError) throw error;
        // A run of the pipeline's first version answers only the stage.
        const stage = await handle.query(stageQuery);
        return { stage, assessedBy: null, reassessableFrom: null, history: [] } satisfies PipelineView;
      });
      return { cboId, workflowId, ...view };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw DomainError.notFound('Pipeline of CBO', cboId);
      throw error;
    }
  }

  /**
   * Runs a step's update. A pipeline that has ended (withdrawn) takes no update: the step is
   * refused as at the wrong stage, as a running pipeline would refuse it.
   */
  private async update(
    cboId: string,
    run: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<PipelineView>,
  ): Promise<PipelineState> {
    const workflowId = cboPipelineWorkflowId(cboId);
    const handle = this.client.workflow.getHandle(workflowId);
    try {
      return await runUpdate('Pipeline of CBO', cboId, async () => ({
        cboId,
        workflowId,
        ...(await run(handle)),
      }));
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'NOT_FOUND')) throw error;
      const ended = await handle.query(stageQuery).catch(() => undefined);
      if (!ended) throw error;
      throw new DomainError('CONFLICT', `The CBO is at the ${ended} stage, so this step cannot be taken`, {
        reason: 'wrong_stage',
        stage: ended,
      });
    }
  }

  assess(cboId: string, actor: Actor, draft: AssessmentDraft): Promise<PipelineState> {
    return this.update(cboId, (handle) => handle.executeUpdate(assessUpdate, { args: [{ actor, draft }] }));
  }

  decide(cboId: string, actor: Actor, decision: SelectionDecision): Promise<PipelineState> {
    return this.update(cboId, (handle) =>
      handle.executeUpdate(decideUpdate, { args: [{ actor, decision }] }),
    );
  }

  reopen(cboId: string, actor: Actor): Promise<PipelineState> {
    return this.update(cboId, (handle) => handle.executeUpdate(reopenUpdate, { args: [{ actor }] }));
  }

  withdraw(cboId: string, actor: Actor, reason: string): Promise<PipelineState> {
    return this.update(cboId, (handle) =>
      handle.executeUpdate(withdrawUpdate, { args: [{ actor, reason }] }),
    );
  }
}
