import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { GrantApplicationRun } from '@bandanh/contracts';
import {
  GRANT_APPLICATION_WORKFLOW,
  grantApplicationRunWorkflowId,
  grantApplicationViewQuery,
  resubmittedSignal,
  type GrantApplicationInput,
  type GrantApplicationView,
} from '@bandanh/workflows';
import { ORCHESTRATOR_CONFIG } from '../config/config.module';
import type { OrchestratorConfig } from '../config/env';
import { startOnce } from '../temporal/start-once';
import { runUpdate } from '../temporal/updates';
import { grantApplicationNotFound } from './grants.errors';

/** The grant applications' workflows: the only code of this feature that knows the Temporal client. */
@Injectable()
export class GrantApplicationWorkflows {
  constructor(
    private readonly client: Client,
    @Inject(ORCHESTRATOR_CONFIG) private readonly config: OrchestratorConfig,
  ) {}

  private handle(applicationId: string) {
    return this.client.workflow.getHandle(grantApplicationRunWorkflowId(applicationId));
  }

  /**
   * Starts the application's workflow once: its id comes from the application's, and a second
   * start (a retried outbox message) finds it there and starts nothing.
   */
  start(input: GrantApplicationInput): Promise<{ workflowId: string; started: boolean }> {
    return startOnce(this.client, GRANT_APPLICATION_WORKFLOW, {
      workflowId: grantApplicationRunWorkflowId(input.applicationId),
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [input],
      memo: { cboId: input.cboId, roundId: input.roundId },
    });
  }

  /** What the application's workflow shows (an ended one still answers its last view). */
  async view(applicationId: string): Promise<GrantApplicationRun> {
    try {
      return await this.handle(applicationId).query(grantApplicationViewQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw grantApplicationNotFound(applicationId);
      throw error;
    }
  }

  /**
   * Runs a step's update; its refusals come back as the contracts' errors. An application whose
   * workflow has ended takes no update: NOT_FOUND then, which the service words.
   */
  update<A>(
    applicationId: string,
    update: UpdateDefinition<GrantApplicationView, [A]>,
    args: A,
  ): Promise<GrantApplicationRun> {
    const handle = this.handle(applicationId);
    return runUpdate('Grant application', applicationId, () =>
      handle.executeUpdate(update, { args: [args] }),
    );
  }

  /** Tells the workflow of a resubmission; false when it does not run (then nothing waits for it). */
  async signalResubmitted(applicationId: string, cycle: number): Promise<boolean> {
    try {
      await this.handle(applicationId).signal(resubmittedSignal, { cycle });
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  /** Whether the application's workflow runs; undefined if Temporal has none. */
  async running(applicationId: string): Promise<boolean | undefined> {
    const description = await this.handle(applicationId)
      .describe()
      .catch((error: unknown) => {
        if (error instanceof WorkflowNotFoundError) return undefined;
        throw error;
      });
    return description ? description.status.name === 'RUNNING' : undefined;
  }
}
