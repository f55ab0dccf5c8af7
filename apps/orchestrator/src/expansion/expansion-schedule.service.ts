import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EXPANSION_SCHEDULE_ID } from '@bandanh/workflows';
import { ORCHESTRATOR_CONFIG } from '../config/config.module';
import type { OrchestratorConfig } from '../config/env';
import { ExpansionSchedules } from './expansion-schedule.temporal';

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
    private readonly schedules: ExpansionSchedules,
    @Inject(ORCHESTRATOR_CONFIG) private readonly config: OrchestratorConfig,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.keep();
  }

  /** Creates the schedule, or gives the one there the configured interval; nothing if it is off. */
  async keep(): Promise<void> {
    if (!this.config.EXPANSION_SCHEDULE) return;
    const scheduleId = expansionScheduleId(this.config.TEMPORAL_TASK_QUEUE);
    const check = {
      every: this.config.EXPANSION_CHECK_EVERY,
      workflowId: `${scheduleId}:run`,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
    };
    if (await this.schedules.create(scheduleId, check)) {
      this.logger.log(`Expansion schedule ${scheduleId} checks every ${check.every}`);
    } else {
      await this.schedules.update(scheduleId, check);
    }
  }
}
