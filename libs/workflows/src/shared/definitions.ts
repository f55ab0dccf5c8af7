// What every workflow shares with its callers: who takes a step, the inbox's side of a human
// step, and the error types a refused step carries. Types only, and plain constants, so that
// neither the workflow bundle nor a caller loads more than it needs.
import type { StaffRole, TaskKind } from '@bandanh/contracts';

/** The staff member taking a step, as the orchestrator vouches for them. */
export interface Actor {
  userId: string;
  roles: StaffRole[];
}

export interface OpenTaskInput {
  taskId: string;
  kind: TaskKind;
  workflowId: string;
  cboId: string;
  subjectId: string;
  subjectLabel: string;
  assigneeRole: StaffRole;
  /** The one person the task is for (a reviewer's review); others of the role do not see it. */
  assigneeUserId?: string;
}

/** How long a task may wait before its reminder, and then before it escalates, and to whom. */
export interface TaskTimings {
  remindAfter: string;
  escalateAfter: string;
  escalateTo: StaffRole;
}

/** The inbox's side of a human step. */
export interface TaskActivities {
  openTask(input: OpenTaskInput): Promise<TaskTimings>;
  remindTask(input: { taskId: string }): Promise<void>;
  escalateTask(input: { taskId: string; toRole: StaffRole }): Promise<void>;
  closeTask(input: { taskId: string; status: 'done' | 'cancelled'; closedBy: string | null }): Promise<void>;
}

/** Error types a refused step carries; the orchestrator turns them into the contracts' codes. */
export const REFUSAL = {
  wrongStage: 'CONFLICT',
  forbidden: 'FORBIDDEN',
  invalid: 'VALIDATION_FAILED',
} as const;
export type RefusalType = (typeof REFUSAL)[keyof typeof REFUSAL];
