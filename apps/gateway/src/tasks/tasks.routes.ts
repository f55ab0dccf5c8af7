import { z } from 'zod';
import { ROLE_GROUPS, TASK_STATUSES, TaskList } from '@bandanh/contracts';
import { DENIED, defineRoute } from '../http/route-def';

/** The staff task inbox. */
export const TASK_ROUTES = {
  listTasks: defineRoute({
    method: 'GET',
    path: '/api/tasks',
    operationId: 'listTasks',
    summary: "The caller's inbox: tasks for their roles and those escalated to them, most overdue first",
    tag: 'pipeline',
    access: ROLE_GROUPS.taskHolders,
    query: z.object({
      status: z.enum(TASK_STATUSES).default('open'),
      cboId: z.uuid().optional(),
      all: z
        .enum(['true', 'false'])
        .default('false')
        .transform((value) => value === 'true'),
    }),
    status: 200,
    responses: { 200: { description: 'Tasks', schema: TaskList }, ...DENIED },
  }),
};
