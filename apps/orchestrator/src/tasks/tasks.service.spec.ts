import { ApplicationFailure } from '@temporalio/common';
import type { Task } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';
import type { OpenTaskInput } from '@bandanh/workflows';
import { renderNotification } from '../notifications/notifications.templates';
import { applicant, CBO_ID, config, fake, network, staff } from '../testing/factories';
import { aStaffRecipient, aTask, fakeTaskMail } from './tasks.fakes';
import type { TaskMail } from './tasks.mail';
import { TasksRepository } from './tasks.repository';
import { span, TasksService } from './tasks.service';

const REVIEWER_ID = '99999999-9999-4999-8999-999999999999';
const APPLICATION_ID = '77777777-7777-4777-8777-777777777777';

const TASK: OpenTaskInput = {
  taskId: 'cbo-pipeline-x:assess_cbo:1',
  kind: 'assess_cbo',
  workflowId: 'cbo-pipeline-x',
  cboId: '33333333-3333-4333-8333-333333333333',
  subjectId: '33333333-3333-4333-8333-333333333333',
  subjectLabel: 'Prey Lang Community Network',
  assigneeRole: 'assessor',
};

function inbox(repository: Partial<TasksRepository> = {}, mail: TaskMail = fake<TaskMail>()) {
  const tasks = fake<TasksRepository>({ list: async () => [] as Task[], ...repository });
  const service = new TasksService(
    tasks,
    config({
      TASK_REMIND_AFTER: '2 days',
      TASK_ESCALATE_AFTER: '1 day',
      TASK_ESCALATE_TO: 'admin',
      WEB_URL: 'https://bandanh.example.org',
    }),
    mail,
  );
  return { tasks, service };
}

/** The inbox over one stored task, with identity's staff and the network's CBO in memory. */
function inboxWith(task: Task, world: Parameters<typeof fakeTaskMail>[0] = {}) {
  const { mail, sent } = fakeTaskMail({
    cbos: { [CBO_ID]: { name: 'Prey Lang Community Network', nameKm: 'បណ្ដាញសហគមន៍ព្រៃឡង' } },
    ...world,
  });
  const { tasks, service } = inbox(
    {
      markReminded: async () => undefined,
      markEscalated: async () => undefined,
      find: async () => task,
    },
    mail,
  );
  return { tasks, service, mail, sent };
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

  it('shows staff the tasks for their roles, and those for them alone', async () => {
    const { tasks, service } = inbox();
    await service.list(staff('assessor', 'trainer'), { status: 'open', all: false });
    expect(tasks.list).toHaveBeenCalledWith(
      { userId: staff().userId, roles: ['assessor', 'trainer'] },
      { status: 'open', cboId: undefined },
      200,
    );
  });

  it("gives a grant application's steps their own due time, and keeps a review's one assignee", async () => {
    const { tasks, service } = inbox({ insertOnce: async () => undefined });
    const env = { GRANT_ELIGIBILITY_DUE: '1 day', GRANT_REVIEW_DUE: '4 days', GRANT_APPROVAL_DUE: '6h' };
    const grants = new TasksService(tasks, config({ ...env, TASK_REMIND_AFTER: '2 days' }), fake<TaskMail>());
    const review: OpenTaskInput = {
      ...TASK,
      taskId: 'grant-application-x:review_grant:1',
      kind: 'review_grant',
      assigneeRole: 'reviewer',
      assigneeUserId: REVIEWER_ID,
    };
    const before = Date.now();
    await expect(grants.open(review)).resolves.toMatchObject({ remindAfter: '4 days' });
    expect(tasks.insertOnce).toHaveBeenLastCalledWith(
      expect.objectContaining({ id: review.taskId, assigneeUserId: REVIEWER_ID }),
    );
    const [[row]] = tasks.insertOnce.mock.calls;
    expect(row.dueAt.getTime()).toBeGreaterThanOrEqual(before + 4 * 24 * 60 * 60 * 1000);
    await expect(grants.open({ ...TASK, kind: 'check_grant_eligibility' })).resolves.toMatchObject({
      remindAfter: '1 day',
    });
    await expect(grants.open({ ...TASK, kind: 'approve_grant' })).resolves.toMatchObject({
      remindAfter: '6h',
    });
    // Other tasks keep the inbox's own, and are for no one person.
    await expect(grants.open(TASK)).resolves.toMatchObject({ remindAfter: '2 days' });
    expect(tasks.insertOnce).toHaveBeenLastCalledWith(expect.objectContaining({ assigneeUserId: null }));
    expect(service.timings()).toMatchObject({ remindAfter: '2 days' });
  });

  it('shows coordinators and admins every task when they ask, and no one else', async () => {
    const { tasks, service } = inbox();
    await service.list(staff('coordinator'), { status: 'done', cboId: TASK.cboId, all: true });
    expect(tasks.list).toHaveBeenLastCalledWith('all', { status: 'done', cboId: TASK.cboId }, 200);
    await service.list(staff('approver'), { status: 'open', all: true });
    expect(tasks.list).toHaveBeenLastCalledWith(
      { userId: staff().userId, roles: ['approver'] },
      { status: 'open', cboId: undefined },
      200,
    );
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
      find: async () => aTask({ status: 'done' }),
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

describe('the reminders and escalations by email', () => {
  it("reminds every active holder of the task's role, each in their language, with a link to the task", async () => {
    const sokha = aStaffRecipient({ displayName: 'Sokha' });
    const jane = aStaffRecipient({ displayName: 'Jane', locale: 'en' });
    const task = aTask({}, { waitedHours: 72 });
    const { service, mail, sent } = inboxWith(task, {
      staff: { assessor: [sokha, jane], approver: [aStaffRecipient()] },
    });

    await service.remind(task.id);

    expect(mail.staffWithRole).toHaveBeenCalledWith('assessor');
    expect(sent).toEqual([
      {
        key: `task-reminder-${task.id}-${sokha.userId}`,
        kind: 'task_reminder',
        locale: 'km',
        recipient: { email: sokha.email, userId: sokha.userId },
        params: {
          name: 'Sokha',
          task: 'assess_cbo',
          cboName: 'បណ្ដាញសហគមន៍ព្រៃឡង',
          waited: '៣',
          waitedUnit: 'days',
          link: `https://bandanh.example.org/km/cbos/${CBO_ID}`,
        },
      },
      {
        key: `task-reminder-${task.id}-${jane.userId}`,
        kind: 'task_reminder',
        locale: 'en',
        recipient: { email: jane.email, userId: jane.userId },
        params: {
          name: 'Jane',
          task: 'assess_cbo',
          cboName: 'Prey Lang Community Network',
          waited: '3',
          waitedUnit: 'days',
          link: `https://bandanh.example.org/en/cbos/${CBO_ID}`,
        },
      },
    ]);
    // Staff's own mail: not listed on the CBO's page for its members.
    expect(sent.every((request) => request.cboId === undefined)).toBe(true);
    for (const request of sent) {
      expect(() => renderNotification(request.kind, request.locale, request.params)).not.toThrow();
    }
    const en = renderNotification(sent[1].kind, sent[1].locale, sent[1].params);
    expect(en.subject).toBe('Reminder: assess the needs of Prey Lang Community Network');
    expect(en.text).toContain('It has waited 3 days and is now due.');
    const km = renderNotification(sent[0].kind, sent[0].locale, sent[0].params);
    expect(km.subject).toBe('ការរំលឹក៖ វាយតម្លៃតម្រូវការរបស់ បណ្ដាញសហគមន៍ព្រៃឡង');
    expect(km.text).toContain('៣ ថ្ងៃ');
  });

  it('reminds only the one person a grant review is for, naming the application, never its CBO', async () => {
    const reviewer = aStaffRecipient({ userId: REVIEWER_ID, locale: 'en', displayName: 'Dara' });
    const task = aTask({
      id: 'grant-application-x:review_grant:1',
      kind: 'review_grant',
      subjectId: REVIEWER_ID,
      subjectLabel: 'GRT-AB12CD34 — Clean water for Prey Lang',
      assigneeRole: 'reviewer',
      assigneeUserId: REVIEWER_ID,
    });
    const { service, mail, sent } = inboxWith(task, {
      staff: { reviewer: [aStaffRecipient(), reviewer, aStaffRecipient({ locale: 'en' })] },
    });
    await service.remind(task.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      recipient: { userId: REVIEWER_ID },
      params: {
        task: 'review_grant',
        cboName: 'GRT-AB12CD34 — Clean water for Prey Lang',
        link: `https://bandanh.example.org/en/grants/reviews/${REVIEWER_ID}`,
      },
    });
    expect(mail.cboNames).not.toHaveBeenCalled();
    const en = renderNotification(sent[0].kind, sent[0].locale, sent[0].params);
    expect(en.subject).toBe('Reminder: review GRT-AB12CD34 — Clean water for Prey Lang');
    expect(en.text).not.toContain('Prey Lang Community Network');
  });

  it("escalates a grant review to the managers with the application's page, and reminds the reviewer alone again", async () => {
    const reviewer = aStaffRecipient({ userId: REVIEWER_ID, locale: 'en' });
    const approver = aStaffRecipient({ locale: 'en' });
    const task = aTask(
      {
        id: 'grant-application-x:review_grant:1',
        kind: 'review_grant',
        subjectId: APPLICATION_ID,
        subjectLabel: 'GRT-AB12CD34 — Clean water for Prey Lang',
        assigneeRole: 'reviewer',
        assigneeUserId: REVIEWER_ID,
      },
      { waitedHours: 12 * 24, dueHoursAgo: 2 * 24 },
    );
    const { service, sent } = inboxWith(task, {
      staff: { reviewer: [aStaffRecipient(), reviewer], approver: [approver] },
    });
    await service.escalate(task.id, 'approver');
    await service.escalate(task.id, 'approver');
    expect(sent.map((request) => [request.kind, request.recipient.userId, request.params.link])).toEqual([
      [
        'task_escalation',
        approver.userId,
        `https://bandanh.example.org/en/grants/applications/${APPLICATION_ID}`,
      ],
      ['task_reminder', REVIEWER_ID, `https://bandanh.example.org/en/grants/reviews/${APPLICATION_ID}`],
    ]);
    expect(sent[1].key).toBe(`task-reminder-${task.id}-${REVIEWER_ID}-escalated`);
  });

  it('sends each person one reminder, however often the activity runs', async () => {
    const people = [aStaffRecipient(), aStaffRecipient({ locale: 'en' })];
    const task = aTask();
    const { service, sent, mail } = inboxWith(task, { staff: { assessor: people } });

    await service.remind(task.id);
    await service.remind(task.id);

    expect(mail.send).toHaveBeenCalledTimes(4);
    expect(sent.map((request) => request.recipient.email)).toEqual(people.map((person) => person.email));
  });

  it('escalates to the holders of the manager role, saying how overdue the task is', async () => {
    const approver = aStaffRecipient({ displayName: 'Vicheka', locale: 'en' });
    const task = aTask(
      { kind: 'follow_up_referral', assigneeRole: 'coordinator' },
      { waitedHours: 5 * 24, dueHoursAgo: 2 * 24 },
    );
    const { tasks, service, mail, sent } = inboxWith(task, {
      staff: { approver: [approver], coordinator: [aStaffRecipient()] },
    });

    await service.escalate(task.id, 'approver');
    await service.escalate(task.id, 'approver');

    expect(tasks.markEscalated).toHaveBeenCalledWith(task.id, 'approver');
    expect(mail.staffWithRole).toHaveBeenCalledWith('approver');
    expect(mail.staffWithRole).not.toHaveBeenCalledWith('coordinator');
    expect(sent).toEqual([
      expect.objectContaining({
        key: `task-escalation-${task.id}-approver-${approver.userId}`,
        kind: 'task_escalation',
        locale: 'en',
        params: expect.objectContaining({
          name: 'Vicheka',
          task: 'follow_up_referral',
          role: 'approver',
          waited: '5',
          waitedUnit: 'days',
          overdue: '2',
          overdueUnit: 'days',
          link: 'https://bandanh.example.org/en/referrals',
        }),
      }),
    ]);
    const en = renderNotification(sent[0].kind, sent[0].locale, sent[0].params);
    expect(en.subject).toBe(
      'Overdue, escalated to you: follow up the referral of Prey Lang Community Network',
    );
    expect(en.text).toContain('is escalated to the approvers, your role');
    expect(en.text).toContain('It has waited 5 days, 2 days past its due time.');
  });

  it('writes to nobody about a task closed meanwhile, or one the inbox does not have', async () => {
    const people = { assessor: [aStaffRecipient()], approver: [aStaffRecipient()] };
    for (const task of [aTask({ status: 'done' }), aTask({ status: 'cancelled' })]) {
      const { service, mail } = inboxWith(task, { staff: people });
      await service.remind(task.id);
      await service.escalate(task.id, 'approver');
      expect(mail.staffWithRole).not.toHaveBeenCalled();
      expect(mail.send).not.toHaveBeenCalled();
    }
    const { mail } = fakeTaskMail({ staff: people });
    const { service } = inbox({ markReminded: async () => undefined, find: async () => undefined }, mail);
    await service.remind('cbo-pipeline-gone:assess_cbo:1');
    expect(mail.send).not.toHaveBeenCalled();
  });

  it('goes on without its messages when they are refused for good, and fails to be retried when a service does not answer', async () => {
    const task = aTask();
    const refused = inboxWith(task, { staff: { assessor: [aStaffRecipient()] } });
    refused.mail.send.mockRejectedValue(
      new DomainError('VALIDATION_FAILED', 'The template cannot be filled'),
    );
    await expect(refused.service.remind(task.id)).resolves.toBeUndefined();
    expect(refused.tasks.markReminded).toHaveBeenCalledWith(task.id);

    const forbidden = inboxWith(task);
    forbidden.mail.staffWithRole.mockRejectedValue(
      ApplicationFailure.create({ message: 'Only the orchestrator service may do this', nonRetryable: true }),
    );
    await expect(forbidden.service.escalate(task.id, 'approver')).resolves.toBeUndefined();

    const down = inboxWith(task);
    down.mail.staffWithRole.mockRejectedValue(new Error('NATS timed out'));
    await expect(down.service.remind(task.id)).rejects.toThrow('NATS timed out');
    expect(down.mail.send).not.toHaveBeenCalled();
  });

  it("names the CBO by the task's label when the network service no longer knows it", async () => {
    const task = aTask({ subjectLabel: 'Kbal Spean Land Network' });
    const { service, sent } = inboxWith(task, { staff: { assessor: [aStaffRecipient()] }, cbos: {} });
    await service.remind(task.id);
    expect(sent[0].params.cboName).toBe('Kbal Spean Land Network');
  });

  it('says how long in whole days, hours or minutes, in Khmer digits in Khmer', () => {
    const hour = 60 * 60 * 1000;
    expect(span(36 * hour, 'en')).toEqual({ amount: '2', unit: 'days' });
    expect(span(24 * hour, 'km')).toEqual({ amount: '១', unit: 'day' });
    expect(span(1 * hour, 'en')).toEqual({ amount: '1', unit: 'hour' });
    expect(span(12 * hour, 'km')).toEqual({ amount: '១២', unit: 'hours' });
    expect(span(2_000, 'en')).toEqual({ amount: '1', unit: 'minute' });
    expect(span(25 * 60_000, 'en')).toEqual({ amount: '25', unit: 'minutes' });
  });
});
