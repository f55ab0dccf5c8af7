import type { TaskActivities } from '@bandanh/workflows';
import type { TasksService } from './tasks.service';

/** The inbox's side of every human step. */
export function taskActivities(tasks: TasksService): TaskActivities {
  return {
    openTask: (input) => tasks.open(input),
    remindTask: ({ taskId }) => tasks.remind(taskId),
    escalateTask: ({ taskId, toRole }) => tasks.escalate(taskId, toRole),
    closeTask: ({ taskId, status, closedBy }) => tasks.close(taskId, status, closedBy),
  };
}
