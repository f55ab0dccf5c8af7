import { Inject, Injectable } from '@nestjs/common';
import { ROLE_GROUPS, hasRole, type Caller, type StaffRole, type Task } from '@bandanh/contracts';
import { durationMs, requireGroup } from '@bandanh/platform';
import type { OpenTaskInput, TaskTimings } from '@bandanh/workflows';
import { ORCHESTRATOR_CONFIG } from '../config/config.module';
import type { OrchestratorConfig } from '../config/env';
import { TasksRepository } from './tasks.repository';

/** The most tasks one inbox page shows. */
const PAGE = 200;

/** The staff inbox. Workflows open, remind, escalate and close tasks through activities. */
@Injectable()
export class TasksService {
  constructor(
    private readonly repository: TasksRepository,
    @Inject(ORCHESTRATOR_CONFIG) private readonly config: OrchestratorConfig,
  ) {}

  timings(): TaskTimings {
    return {
      remindAfter: this.config.TASK_REMIND_AFTER,
      escalateAfter: this.config.TASK_ESCALATE_AFTER,
      escalateTo: this.config.TASK_ESCALATE_TO,
    };
  }

  /** Opens the task once; a retried activity finds it there. It is due when the reminder fires. */
  async open(input: OpenTaskInput): Promise<TaskTimings> {
    const timings = this.timings();
    // The configuration checked it: a duration that reads as milliseconds.
    const remindAfterMs = durationMs(timings.remindAfter) ?? 0;
    const { taskId, ...task } = input;
    await this.repository.insertOnce({ ...task, id: taskId, dueAt: new Date(Date.now() + remindAfterMs) });
    return timings;
  }

  remind(taskId: string): Promise<void> {
    return this.repository.markReminded(taskId);
  }

  escalate(taskId: string, toRole: StaffRole): Promise<void> {
    return this.repository.markEscalated(taskId, toRole);
  }

  close(taskId: string, status: 'done' | 'cancelled', closedBy: string | null): Promise<void> {
    return this.repository.close(taskId, status, closedBy);
  }

  /**
   * The caller's inbox: open tasks for their roles and those escalated to them, the most overdue
   * first. Coordinators and admins may ask for every task.
   */
  async list(
    caller: Caller,
    query: { status: Task['status']; cboId?: string; all: boolean },
  ): Promise<Task[]> {
    const staff = requireGroup(caller, 'taskHolders');
    const everyone = query.all && hasRole(staff, ...ROLE_GROUPS.cboWriters);
    return this.repository.list(
      everyone ? 'all' : staff.roles,
      { status: query.status, cboId: query.cboId },
      PAGE,
    );
  }
}
