import type { Task } from '@bandanh/contracts';
import type { OpenTaskInput } from '@bandanh/workflows';
import { applicant, config, fake, network, staff } from '../testing/factories';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

const TASK: OpenTaskInput = {
  taskId: 'cbo-pipeline-x:assess_cbo:1',
  kind: 'assess_cbo',
  workflowId: 'cbo-pipeline-x',
  cboId: '33333333-3333-4333-8333-333333333333',
  subjectId: '33333333-3333-4333-8333-333333333333',
  subjectLabel: 'Prey Lang Community Network',
  assigneeRole: 'assessor',
};

function inbox(repository: Partial<TasksRepository> = {}) {
  const tasks = fake<TasksRepository>({ list: async () => [] as Task[], ...repository });
  const service = new TasksService(
    tasks,
    config({ TASK_REMIND_AFTER: '2 days', TASK_ESCALATE_AFTER: '1 day', TASK_ESCALATE_TO: 'admin' }),
  );
  return { tasks, service };
}

describe('the staff inbox', () => {
  it('opens a task due when its reminder fires, and answers the configured reminder and escalation', async () => {
    const { tasks, service } = inbox({ insertOnce: async () => undefined });
    const before = Date.now();
    const timings = await service.open(TASK);
    expect(timings).toEqual({ remindAfter: '2 days', escalateAfter: '1 day', escalateTo: 'admin' });
    const [[row]] = tasks.insertOnce.mock.calls;
    const { taskId: _taskId, ...rest } = TASK;
    expect(row).toMatchObject({ ...rest, id: TASK.taskId });
    const due = row.dueAt.getTime() - 2 * 24 * 60 * 60 * 1000;
    expect(due).toBeGreaterThanOrEqual(before);
    expect(due).toBeLessThanOrEqual(Date.now());
  });

  it('shows staff the tasks for their roles', async () => {
    const { tasks, service } = inbox();
    await service.list(staff('assessor', 'trainer'), { status: 'open', all: false });
    expect(tasks.list).toHaveBeenCalledWith(
      ['assessor', 'trainer'],
      { status: 'open', cboId: undefined },
      200,
    );
  });

  it('shows coordinators and admins every task when they ask, and no one else', async () => {
    const { tasks, service } = inbox();
    await service.list(staff('coordinator'), { status: 'done', cboId: TASK.cboId, all: true });
    expect(tasks.list).toHaveBeenLastCalledWith('all', { status: 'done', cboId: TASK.cboId }, 200);
    await service.list(staff('approver'), { status: 'open', all: true });
    expect(tasks.list).toHaveBeenLastCalledWith(['approver'], { status: 'open', cboId: undefined }, 200);
  });

  it('has no inbox for applicants, services or staff without a task-holding role', async () => {
    const { tasks, service } = inbox();
    for (const caller of [applicant(), network, staff('protection_officer')]) {
      await expect(service.list(caller, { status: 'open', all: false })).rejects.toMatchObject({
        code: expect.stringMatching(/FORBIDDEN|UNAUTHENTICATED/),
      });
    }
    expect(tasks.list).not.toHaveBeenCalled();
  });

  it('reminds, escalates and closes through the repository, which leaves a closed task alone', async () => {
    const { tasks, service } = inbox({
      markReminded: async () => undefined,
      markEscalated: async () => undefined,
      close: async () => undefined,
    });
    await service.remind(TASK.taskId);
    await service.escalate(TASK.taskId, 'approver');
    await service.close(TASK.taskId, 'done', staff().userId);
    expect(tasks.markReminded).toHaveBeenCalledWith(TASK.taskId);
    expect(tasks.markEscalated).toHaveBeenCalledWith(TASK.taskId, 'approver');
    expect(tasks.close).toHaveBeenCalledWith(TASK.taskId, 'done', staff().userId);
  });
});
