import { ApplicationFailure, condition, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { StaffRole } from '@bandanh/contracts';
import { REFUSAL, type Actor, type OpenTaskInput, type TaskActivities } from './definitions';

const tasks = proxyActivities<TaskActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * A step that waits for a person: it opens a task in the inbox, reminds the assignee when
 * the task is overdue, escalates it to the manager role if it stays so, and leaves the
 * closing to whoever takes the step. Durable timers: a worker restart changes nothing.
 */
export async function waitForPerson(
  task: Omit<OpenTaskInput, 'workflowId'>,
  done: () => boolean,
  opened: () => void,
): Promise<void> {
  const timings = await tasks.openTask({ ...task, workflowId: workflowInfo().workflowId });
  opened();
  if (!(await condition(done, timings.remindAfter))) {
    await tasks.remindTask({ taskId: task.taskId });
    if (!(await condition(done, timings.escalateAfter))) {
      await tasks.escalateTask({ taskId: task.taskId, toRole: timings.escalateTo });
      await condition(done);
    }
  }
}

/** The inbox id of a workflow's n-th task of a kind: the same on every replay. */
export function taskIdFor(kind: string, seq: number): string {
  return `${workflowInfo().workflowId}:${kind}:${seq}`;
}

export function closeTask(taskId: string, status: 'done' | 'cancelled', closedBy: string | null) {
  return tasks.closeTask({ taskId, status, closedBy });
}

/** Refuses a step whose actor holds none of `roles`. */
export function requireActorRole(actor: Actor, roles: StaffRole[], step: string): void {
  if (!actor.roles.some((role) => roles.includes(role))) {
    throw ApplicationFailure.nonRetryable(`Only ${roles.join(' or ')} may ${step}`, REFUSAL.forbidden);
  }
}

export function refuse(
  message: string,
  type: string = REFUSAL.wrongStage,
  details?: Record<string, unknown>,
) {
  return ApplicationFailure.create({ message, type, nonRetryable: true, details: details ? [details] : [] });
}
