import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { notificationWorkflowId, type NotificationRequest } from '@bandanh/contracts';
import { NOTIFICATION_WORKFLOW } from '@bandanh/workflows';
import { ORCHESTRATOR_CONFIG } from '../config/config.module';
import type { OrchestratorConfig } from '../config/env';
import { startOnce } from '../temporal/start-once';

/** The notification workflows: the only code of this feature that knows the Temporal client. */
@Injectable()
export class NotificationWorkflows {
  constructor(
    private readonly client: Client,
    @Inject(ORCHESTRATOR_CONFIG) private readonly config: OrchestratorConfig,
  ) {}

  /** One workflow per key, ever: Temporal refuses a second start, so nothing is sent twice. */
  start(request: NotificationRequest): Promise<{ workflowId: string; started: boolean }> {
    return startOnce(this.client, NOTIFICATION_WORKFLOW, {
      workflowId: notificationWorkflowId(request.key),
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [request],
    });
  }
}
