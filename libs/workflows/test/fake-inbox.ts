import { waitFor } from '@bandanh/platform/testing';
import type { TaskActivities, TaskTimings } from '../src/shared/definitions';

export interface FakeTask {
  status: string;
  role: string;
  reminded: boolean;
  escalatedTo: string | null;
  /** The one person it is for, if any (a grant review). */
  assignee: string | null;
}

/** The staff inbox in memory, for workflow tests: each task as the activities left it. */
export class FakeInbox {
  readonly tasks = new Map<string, FakeTask>();

  constructor(private readonly timings: TaskTimings) {}

  activities(): TaskActivities {
    return {
      openTask: async ({ taskId, assigneeRole, assigneeUserId }) => {
        if (!this.tasks.has(taskId)) {
          this.tasks.set(taskId, {
            status: 'open',
            reminded: false,
            escalatedTo: null,
            role: assigneeRole,
            assignee: assigneeUserId ?? null,
          });
        }
        return this.timings;
      },
      remindTask: async ({ taskId }) => {
        this.tasks.get(taskId)!.reminded = true;
      },
      escalateTask: async ({ taskId, toRole }) => {
        this.tasks.get(taskId)!.escalatedTo = toRole;
      },
      closeTask: async ({ taskId, status }) => {
        this.tasks.get(taskId)!.status = status;
      },
    };
  }

  /** The first task, once its reminder and then its escalation have fired. */
  firstEscalated(): Promise<FakeTask> {
    return waitFor(
      async () => {
        const [first] = this.tasks.values();
        return first?.escalatedTo ? first : undefined;
      },
      { what: 'the escalation', timeoutMs: 20_000 },
    );
  }

  /** The ids of the tasks still open. */
  open(): string[] {
    return [...this.tasks].filter(([, task]) => task.status === 'open').map(([id]) => id);
  }
}
