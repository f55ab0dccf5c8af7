import { Controller, Inject, Injectable, Module } from '@nestjs/common';
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { msToNumber } from '@temporalio/common/lib/time';
import {
  hasRole,
  listTasks,
  type Caller,
  type ParsedRequestOf,
  type StaffRole,
  type Task,
} from '@bandanh/contracts';
import { Handles, requireRole } from '@bandanh/platform';
import type { OpenTaskInput, TaskTimings } from '@bandanh/workflows';
import type { OrchestratorConfig } from '../config/env';
import { ORCHESTRATOR_DB, type OrchestratorDatabase } from '../db/database.module';
import { tasks, type TaskRow } from '../db/schema';
import { ORCHESTRATOR_CONFIG } from '../temporal/tokens';

function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    kind: row.kind,
    workflowId: row.workflowId,
    subjectId: row.subjectId,
    subjectLabel: row.subjectLabel,
    cboId: row.cboId,
    assigneeRole: row.assigneeRole,
    escalatedToRole: row.escalatedToRole,
    dueAt: row.dueAt.toISOString(),
    remindedAt: row.remindedAt?.toISOString() ?? null,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

/** The staff inbox. Workflows open, remind, escalate and close tasks through activities. */
@Injectable()
export class TasksService {
  constructor(
    @Inject(ORCHESTRATOR_DB) private readonly database: OrchestratorDatabase,
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
    const dueAt = new Date(Date.now() + msToNumber(timings.remindAfter as Parameters<typeof msToNumber>[0]));
    await this.database.db
      .insert(tasks)
      .values({ ...input, id: input.taskId, dueAt })
      .onConflictDoNothing();
    return timings;
  }

  async remind(taskId: string): Promise<void> {
    await this.database.db
      .update(tasks)
      .set({ remindedAt: sql`coalesce(${tasks.remindedAt}, now())` })
      .where(and(eq(tasks.id, taskId), eq(tasks.status, 'open')));
  }

  async escalate(taskId: string, toRole: StaffRole): Promise<void> {
    await this.database.db
      .update(tasks)
      .set({ escalatedToRole: toRole, escalatedAt: sql`coalesce(${tasks.escalatedAt}, now())` })
      .where(and(eq(tasks.id, taskId), eq(tasks.status, 'open')));
  }

  async close(taskId: string, status: 'done' | 'cancelled', closedBy: string | null): Promise<void> {
    await this.database.db
      .update(tasks)
      .set({ status, closedBy, closedAt: new Date() })
      .where(and(eq(tasks.id, taskId), eq(tasks.status, 'open')));
  }

  /** Open tasks for the caller's roles and those escalated to them, the most overdue first. */
  async list(
    roles: StaffRole[] | 'all',
    filter: { status: Task['status']; cboId?: string },
  ): Promise<Task[]> {
    const conditions: SQL[] = [eq(tasks.status, filter.status)];
    if (filter.cboId) conditions.push(eq(tasks.cboId, filter.cboId));
    if (roles !== 'all') {
      const mine = or(inArray(tasks.assigneeRole, roles), inArray(tasks.escalatedToRole, roles));
      if (mine) conditions.push(mine);
    }
    const rows = await this.database.db
      .select()
      .from(tasks)
      .where(and(...conditions))
      .orderBy(asc(tasks.dueAt), asc(tasks.id))
      .limit(200);
    return rows.map(toTask);
  }
}

@Controller()
export class TasksHandlers {
  constructor(private readonly service: TasksService) {}

  /** Staff see the tasks for their roles; coordinators and admins may see every task. */
  @Handles(listTasks)
  async list({ status, cboId, all }: ParsedRequestOf<typeof listTasks>, caller: Caller) {
    const staff = requireRole(caller, 'admin', 'coordinator', 'assessor', 'approver', 'trainer', 'finance');
    const everyone = all && hasRole(staff, 'admin', 'coordinator');
    return { items: await this.service.list(everyone ? 'all' : staff.roles, { status, cboId }) };
  }
}

/** The inbox's handlers; `TasksService` itself is provided by the Temporal module, for the activities. */
@Module({ controllers: [TasksHandlers] })
export class TasksModule {}
