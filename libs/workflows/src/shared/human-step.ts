import { condition, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { ACTIVITY_OPTIONS } from './activity-options';
import type { OpenTaskInput, TaskActivities, TaskTimings } from './definitions';

const tasks = proxyActivities<TaskActivities>(ACTIVITY_OPTIONS);

/**
 * A step that waits for a person: it opens a task in the inbox, then follows it up (see
 * `followUp`), leaving the closing to whoever takes the step.
 */
export async function waitForPerson(
  task: Omit<OpenTaskInput, 'workflowId'>,
  done: () => boolean,
  opened: () => void,
): Promise<void> {
  const timings = await tasks.openTask({ ...task, workflowId: workflowInfo().workflowId });
  opened();
  await followUp(task.taskId, timings, done);
}

/**
 * Follows an open task up until `done`: reminds the assignee when the task is overdue and
 * escalates it to the manager role if it stays so. Durable timers: a worker restart changes nothing.
 */
export async function followUp(taskId: string, timings: TaskTimings, done: () => boolean): Promise<void> {
  if (!(await condition(done, timings.remindAfter))) {
    await tasks.remindTask({ taskId });
    if (!(await condition(done, timings.escalateAfter))) {
      await tasks.escalateTask({ taskId, toRole: timings.escalateTo });
      await condition(done);
    }
  }
}

/** The inbox id of a workflow's n-th task of a kind: the same on every replay. */
export function taskIdFor(kind: string, seq: number): string {
  return `${workflowInfo().workflowId}:${kind}:${seq}`;
}

/** The task a workflow opens, with its id, for the workflow running now. */
export function taskInput(task: Omit<OpenTaskInput, 'workflowId'>): OpenTaskInput {
  return { ...task, workflowId: workflowInfo().workflowId };
}

export function closeTask(taskId: string, status: 'done' | 'cancelled', closedBy: string | null) {
  return tasks.closeTask({ taskId, status, closedBy });
}
