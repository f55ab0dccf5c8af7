import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { TrainingSessionRun } from '@bandanh/contracts';
import {
  TRAINING_SESSION_WORKFLOW,
  sessionViewQuery,
  trainingSessionWorkflowId,
  type SessionView,
  type TrainingSessionInput,
} from '@bandanh/workflows';
import { ORCHESTRATOR_CONFIG } from '../config/config.module';
import type { OrchestratorConfig } from '../config/env';
import { startOnce } from '../temporal/start-once';
import { runUpdate } from '../temporal/updates';
import { trainingSessionNotFound } from './training.errors';

/** The training sessions' workflows: the only code of this feature that knows the Temporal client. */
@Injectable()
export class TrainingSessionWorkflows {
  constructor(
    private readonly client: Client,
    @Inject(ORCHESTRATOR_CONFIG) private readonly config: OrchestratorConfig,
  ) {}

  private handle(sessionId: string) {
    return this.client.workflow.getHandle(trainingSessionWorkflowId(sessionId));
  }

  /** Starts the session's workflow once: its id comes from the session's. */
  start(input: TrainingSessionInput): Promise<{ workflowId: string; started: boolean }> {
    return startOnce(this.client, TRAINING_SESSION_WORKFLOW, {
      workflowId: trainingSessionWorkflowId(input.sessionId),
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [input],
    });
  }

  /** What the session's workflow shows (a completed or cancelled one still answers its last view). */
  async view(sessionId: string): Promise<TrainingSessionRun> {
    const handle = this.handle(sessionId);
    try {
      const view = await handle.query(sessionViewQuery);
      return { sessionId, workflowId: handle.workflowId, ...view };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw trainingSessionNotFound(sessionId);
      throw error;
    }
  }

  /**
   * Runs a step's update; its refusals come back as the contracts' errors. A session whose
   * workflow has ended takes no update: NOT_FOUND then, which the service words.
   */
  async update<A>(
    sessionId: string,
    update: UpdateDefinition<SessionView, [A]>,
    args: A,
  ): Promise<TrainingSessionRun> {
    const handle = this.handle(sessionId);
    const view = await runUpdate('Training session', sessionId, () =>
      handle.executeUpdate(update, { args: [args] }),
    );
    return { sessionId, workflowId: handle.workflowId, ...view };
  }

  /** Whether the session's workflow runs; undefined if Temporal has none. */
  async running(sessionId: string): Promise<boolean | undefined> {
    const description = await this.handle(sessionId)
      .describe()
      .catch((error: unknown) => {
        if (error instanceof WorkflowNotFoundError) return undefined;
        throw error;
      });
    return description ? description.status.name === 'RUNNING' : undefined;
  }
}
