import { Injectable } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { OPEN_NEXT_PHASE_WORKFLOW } from '@bandanh/workflows';

/** What the schedule runs, and how often. */
export interface ExpansionPlanCheck {
  every: string;
  workflowId: string;
  taskQueue: string;
}

/** The expansion's Temporal schedule: the only code of this feature that knows the Temporal client. */
@Injectable()
export class ExpansionSchedules {
  constructor(private readonly client: Client) {}

  private static action({ workflowId, taskQueue }: ExpansionPlanCheck) {
    return {
      type: 'startWorkflow' as const,
      workflowType: OPEN_NEXT_PHASE_WORKFLOW,
      workflowId,
      taskQueue,
      args: [],
    };
  }

  /** Creates the schedule; false if it exists already. */
  async create(scheduleId: string, check: ExpansionPlanCheck): Promise<boolean> {
    try {
      await this.client.schedule.create({
        scheduleId,
        spec: { intervals: [{ every: check.every }] },
        action: ExpansionSchedules.action(check),
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      });
      return true;
    } catch (error) {
      if (error instanceof ScheduleAlreadyRunning) return false;
      throw error;
    }
  }

  /** Gives the schedule that exists the interval and the action of `check`. */
  async update(scheduleId: string, check: ExpansionPlanCheck): Promise<void> {
    await this.client.schedule.getHandle(scheduleId).update((previous) => ({
      ...previous,
      spec: { intervals: [{ every: check.every }] },
      action: ExpansionSchedules.action(check),
    }));
  }
}
