import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { StaffRole, Task, TaskKind } from '@bandanh/contracts';
import { ORCHESTRATOR_DB, type OrchestratorDatabase } from '../db/database.module';
import { tasks, type TaskRow } from '../db/schema';

function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    kind: row.kind,
    workflowId: row.workflowId,
    subjectId: row.subjectId,
    subjectLabel: row.subjectLabel,
    cboId: row.cboId,
    assigneeRole: row.assigneeRole,
    assigneeUserId: row.assigneeUserId,
    escalatedToRole: row.escalatedToRole,
    dueAt: row.dueAt.toISOString(),
    remindedAt: row.remindedAt?.toISOString() ?? null,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

export interface NewTask {
  id: string;
  kind: TaskKind;
  workflowId: string;
  cboId: string;
  subjectId: string;
  subjectLabel: string;
  assigneeRole: StaffRole;
  /** The one person the task is for (a grant review); absent: every holder of the role. */
  assigneeUserId?: string | null;
  dueAt: Date;
}

/** Whose inbox: a staff member's (their roles, and the tasks for them alone), or everyone's. */
export type InboxOwner = 'all' | { userId: string; roles: readonly StaffRole[] };

/** The staff inbox's table (`orchestrator.tasks`). */
@Injectable()
export class TasksRepository {
  constructor(@Inject(ORCHESTRATOR_DB) private readonly database: OrchestratorDatabase) {}

  /** Inserts the task unless its id is there already (a retried activity). */
  async insertOnce(task: NewTask): Promise<void> {
    await this.database.db.insert(tasks).values(task).onConflictDoNothing();
  }

  async find(taskId: string): Promise<Task | undefined> {
    const [row] = await this.database.db.select().from(tasks).where(eq(tasks.id, taskId));
    return row && toTask(row);
  }

  async markReminded(taskId: string): Promise<void> {
    await this.database.db
      .update(tasks)
      .set({ remindedAt: sql`coalesce(${tasks.remindedAt}, now())` })
      .where(and(eq(tasks.id, taskId), eq(tasks.status, 'open')));
  }

  async markEscalated(taskId: string, toRole: StaffRole): Promise<void> {
    await this.database.db
      .update(tasks)
      .set({ escalatedToRole: toRole, escalatedAt: sql`coalesce(${tasks.escalatedAt}, now())` })
      .where(and(eq(tasks.id, taskId), eq(tasks.status, 'open')));
  }

  /** Closes the task if it is still open. */
  async close(taskId: string, status: 'done' | 'cancelled', closedBy: string | null): Promise<void> {
    await this.database.db
      .update(tasks)
      .set({ status, closedBy, closedAt: new Date() })
      .where(and(eq(tasks.id, taskId), eq(tasks.status, 'open')));
  }

  /**
   * Tasks in `status` for the owner — for their roles and no one person, for them alone, or
   * escalated to one of their roles — or for everyone; the most overdue first.
   */
  async list(
    owner: InboxOwner,
    filter: { status: Task['status']; cboId?: string },
    limit: number,
  ): Promise<Task[]> {
    const conditions: SQL[] = [eq(tasks.status, filter.status)];
    if (filter.cboId) conditions.push(eq(tasks.cboId, filter.cboId));
    if (owner !== 'all') {
      const roles = [...owner.roles];
      const mine = or(
        eq(tasks.assigneeUserId, owner.userId),
        and(isNull(tasks.assigneeUserId), inArray(tasks.assigneeRole, roles)),
        inArray(tasks.escalatedToRole, roles),
      );
      if (mine) conditions.push(mine);
    }
    const rows = await this.database.db
      .select()
      .from(tasks)
      .where(and(...conditions))
      .orderBy(asc(tasks.dueAt), asc(tasks.id))
      .limit(limit);
    return rows.map(toTask);
  }
}
