import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { EXPANSION_SCHEDULE_ID, OPEN_NEXT_PHASE_WORKFLOW } from '@bandanh/workflows';
import type { OrchestratorConfig } from '../config/env';
import { ORCHESTRATOR_CONFIG } from '../temporal/tokens';

/** The schedule's id for a task queue, so two deployments on one Temporal keep apart. */
export function expansionScheduleId(taskQueue: string): string {
  return `${EXPANSION_SCHEDULE_ID}:${taskQueue}`;
}

/**
 * Keeps the Temporal schedule that opens the next expansion phase when its date comes,
 * checking at the configured interval. Created once; a new interval updates it.
 */
@Injectable()
export class ExpansionScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ExpansionScheduleService.name);

  constructor(
    private readonly client: Client,
    @Inject(ORCHESTRATOR_CONFIG) private readonly config: OrchestratorConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.EXPANSION_SCHEDULE) return;
    const scheduleId = expansionScheduleId(this.config.TEMPORAL_TASK_QUEUE);
    const every = this.config.EXPANSION_CHECK_EVERY;
    const action = {
      type: 'startWorkflow' as const,
      workflowType: OPEN_NEXT_PHASE_WORKFLOW,
      workflowId: `${scheduleId}:run`,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [],
    };
    try {
      await this.client.schedule.create({
        scheduleId,
        spec: { intervals: [{ every }] },
        action,
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      });
      this.logger.log(`Expansion schedule ${scheduleId} checks every ${every}`);
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      await this.client.schedule.getHandle(scheduleId).update((previous) => ({
        ...previous,
        spec: { intervals: [{ every }] },
        action,
      }));
    }
  }
}

@Module({ providers: [ExpansionScheduleService] })
export class ExpansionScheduleModule {}
