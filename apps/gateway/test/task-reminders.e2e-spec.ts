import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { connect, type NatsConnection } from 'nats';
import { notificationWorkflowId, type InboxTask, type Notification } from '@bandanh/contracts';
import { createDatabase, NatsRpc } from '@bandanh/platform';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { ensureAccounts } from '../../identity/src/app';
import { loadIdentityConfig } from '../../identity/src/config/env';
import { loadOrchestratorConfig } from '../../orchestrator/src/config/env';
import type { OrchestratorDatabase } from '../../orchestrator/src/db/database.module';
import * as orchestratorSchema from '../../orchestrator/src/db/schema';
import { NotificationsRepository } from '../../orchestrator/src/notifications/notifications.repository';
import { NotificationsService } from '../../orchestrator/src/notifications/notifications.service';
import { NotificationWorkflows } from '../../orchestrator/src/notifications/notifications.temporal';
import { taskActivities } from '../../orchestrator/src/tasks/tasks.activities';
import { TaskMail } from '../../orchestrator/src/tasks/tasks.mail';
import { TasksRepository } from '../../orchestrator/src/tasks/tasks.repository';
import { TasksService } from '../../orchestrator/src/tasks/tasks.service';
import { freePort, startMailpit, type Mailbox } from './mail';
import { STAFF, TestStack } from './stack';

const WEB_URL = 'https://bandanh.example.org';

/** Calls the API as `token`, answering the status and the parsed body. */
async function call(stack: TestStack, token: string, path: string) {
  const response = await fetch(`${stack.gatewayUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('task reminders and escalations by email, on the real Temporal, NATS, PostgreSQL and Mailpit', () => {
  let stack: TestStack;
  let relay: { mailbox: Mailbox; stop: () => Promise<void> };
  let nats: NatsConnection;
  let temporal: Connection;
  let database: OrchestratorDatabase;
  // Staff of this test's own, beside the stack's one account per role (Khmer, as every account
  // that did not choose): an English and a Khmer assessor, a disabled assessor, an English approver.
  const people = {
    assessorEn: `${uniqueName('assessor-en')}@reminders.test.bandanh.org`,
    assessorKm: `${uniqueName('assessor-km')}@reminders.test.bandanh.org`,
    assessorGone: `${uniqueName('assessor-gone')}@reminders.test.bandanh.org`,
    approverEn: `${uniqueName('approver-en')}@reminders.test.bandanh.org`,
  };
  let ids: Record<string, string>;

  beforeAll(async () => {
    // A Mailpit of its own: every message in it is this test's, so it can count them.
    const port = await freePort();
    relay = await startMailpit(port);
    stack = await TestStack.start('reminders', {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      // Durations are parameters: the task reminds after 2 s and escalates 3 s later.
      TASK_REMIND_AFTER: '2s',
      TASK_ESCALATE_AFTER: '3s',
      TASK_ESCALATE_TO: 'approver',
      WEB_URL,
    });
    const seed = (
      email: string,
      displayName: string,
      role: 'assessor' | 'approver',
      locale: 'km' | 'en',
    ) => ({
      email,
      displayName,
      password: 'a long test passphrase',
      kind: 'staff' as const,
      roles: [role],
      locale,
    });
    // The stack's accounts are there already: ensureAccounts leaves them and answers their ids.
    ids = await ensureAccounts(loadIdentityConfig(stack.env), [
      seed(people.assessorEn, 'Bopha', 'assessor', 'en'),
      seed(people.assessorKm, 'Bopha', 'assessor', 'km'),
      seed(people.assessorGone, 'Bopha', 'assessor', 'en'),
      seed(people.approverEn, 'Vicheka', 'approver', 'en'),
      seed(STAFF.assessor.email, '', 'assessor', 'km'),
      seed(STAFF.approver.email, '', 'approver', 'km'),
    ]);
    database = createDatabase(stack.env.DATABASE_URL, orchestratorSchema, { max: 2 });
    await database.sql`update identity.users set disabled_at = now() where email = ${people.assessorGone}`;
    nats = await connect({ servers: 'nats://127.0.0.1:4222' });
    temporal = await Connection.connect({ address: stack.env.TEMPORAL_ADDRESS });
  });

  afterAll(async () => {
    await database?.close();
    await nats?.drain();
    await temporal?.close();
    await stack?.stop();
    await relay?.stop();
  });

  /**
   * The inbox's activities as the orchestrator's worker builds them, in this process; each
   * message's start is recorded, to see that a retried activity starts none again.
   */
  async function retriedActivities() {
    const config = loadOrchestratorConfig(stack.env);
    const notifications = new NotificationsService(
      new NotificationWorkflows(new Client({ connection: temporal }), config),
      new NotificationsRepository(database),
    );
    const starts: Array<{ key: string; started: boolean }> = [];
    const recording = {
      send: async (...args: Parameters<NotificationsService['send']>) => {
        const answer = await notifications.send(...args);
        starts.push({ key: answer.key, started: answer.started });
        return answer;
      },
    } as unknown as NotificationsService;
    const rpc = new NatsRpc(nats, stack.env.NATS_PREFIX, 10_000, await stack.keys.signer('orchestrator'));
    const tasks = new TasksService(new TasksRepository(database), config, new TaskMail(rpc, recording));
    return { activities: taskActivities(tasks), starts };
  }

  /** Whether a message's workflow was ever started (Temporal's own record, not its lagging visibility). */
  async function started(key: string): Promise<boolean> {
    try {
      await new Client({ connection: temporal }).workflow.getHandle(notificationWorkflowId(key)).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  it('reminds the holders of the role in their language, escalates to the manager role, and sends each one message', async () => {
    const name = `Prey Lang Community Network ${uniqueName('n')}`;
    const { id } = await stack.recordCbo({
      name,
      nameKm: 'បណ្ដាញសហគមន៍ព្រៃឡង',
      provinceCode: 'KH-2',
      focusIssues: ['land'],
      foundVia: 'field_visit',
      acknowledgeDuplicates: true,
    });
    const assessorToken = await stack.tokenFor(STAFF.assessor);
    const task = await waitFor(
      async () =>
        ((await call(stack, assessorToken, '/api/tasks')).body.items as InboxTask[]).find(
          (item) => item.cboId === id && item.kind === 'assess_cbo',
        ),
      { what: 'the assessment task', timeoutMs: 30_000 },
    );
    const { mailbox } = relay;

    // The reminder: every active assessor, each in their language, with a link to the task.
    const english = await mailbox.only(people.assessorEn);
    expect(english.Subject).toBe(`Reminder: assess the needs of ${name}`);
    expect(english.Text).toContain('Hello Bopha,');
    expect(english.Text).toContain(`${WEB_URL}/en/cbos/${id}`);
    expect(english.Text).toContain('It has waited 1 minute and is now due.');
    const khmer = await mailbox.only(people.assessorKm);
    expect(khmer.Subject).toBe('ការរំលឹក៖ វាយតម្លៃតម្រូវការរបស់ បណ្ដាញសហគមន៍ព្រៃឡង');
    expect(khmer.Text).toContain(`${WEB_URL}/km/cbos/${id}`);
    expect(khmer.Text).toMatch(/ការងារនេះបានរង់ចាំអស់រយៈពេល [០-៩]+ នាទី/);
    expect((await mailbox.only(STAFF.assessor.email)).Subject).toMatch(/^ការរំលឹក៖/);

    // A retried reminder starts no message again.
    const retry = await retriedActivities();
    await retry.activities.remindTask({ taskId: task.id });
    await retry.activities.remindTask({ taskId: task.id });
    expect(retry.starts).toHaveLength(6);
    expect(retry.starts.every((start) => !start.started)).toBe(true);
    expect(new Set(retry.starts.map((start) => start.key))).toEqual(
      new Set(
        [people.assessorEn, people.assessorKm, STAFF.assessor.email].map(
          (email) => `task-reminder-${task.id}-${idOf(email)}`,
        ),
      ),
    );

    // The escalation: the approvers, told how overdue it is; the assessors are not told again.
    const escalated = await mailbox.only(people.approverEn);
    expect(escalated.Subject).toBe(`Overdue, escalated to you: assess the needs of ${name}`);
    expect(escalated.Text).toContain('Hello Vicheka,');
    expect(escalated.Text).toContain('is escalated to the approvers, your role: the needs assessment of');
    expect(escalated.Text).toMatch(/It has waited \d+ minutes?, \d+ minutes? past its due time\./);
    expect(escalated.Text).toContain(`${WEB_URL}/en/cbos/${id}`);
    expect((await mailbox.only(STAFF.approver.email)).Subject).toMatch(/^ការងារហួសកំណត់ត្រូវបានបញ្ជូនបន្តមកអ្នក៖/);
    await retry.activities.escalateTask({ taskId: task.id, toRole: 'approver' });
    const escalations = retry.starts.slice(6);
    expect(escalations.map((start) => start.key).sort()).toEqual(
      [people.approverEn, STAFF.approver.email]
        .map((email) => `task-escalation-${task.id}-approver-${idOf(email)}`)
        .sort(),
    );
    expect(escalations.every((start) => !start.started)).toBe(true);

    // Every activity has run and returned: no message was started for a disabled account, for an
    // approver's reminder or for an assessor's escalation, and each one started was sent once.
    const assessorIds = [people.assessorEn, people.assessorKm, STAFF.assessor.email].map((email) =>
      idOf(email),
    );
    expect(await started(`task-reminder-${task.id}-${idOf(people.assessorGone)}`)).toBe(false);
    expect(await started(`task-reminder-${task.id}-${idOf(people.approverEn)}`)).toBe(false);
    for (const userId of assessorIds) {
      expect(await started(`task-escalation-${task.id}-approver-${userId}`)).toBe(false);
    }
    const client = new Client({ connection: temporal });
    await Promise.all(
      retry.starts.map(({ key }) => client.workflow.getHandle(notificationWorkflowId(key)).result()),
    );
    for (const email of [people.assessorEn, people.assessorKm, people.approverEn]) {
      expect(await mailbox.to(email)).toHaveLength(1);
    }
    expect(await mailbox.to(people.assessorGone)).toHaveLength(0);

    // Admins see them among every message, by kind.
    const { body } = await call(stack, await stack.tokenFor(STAFF.admin), '/api/admin/notifications');
    const listed = (body.items as Notification[]).filter((n) => n.key.includes(task.id));
    expect(listed.map((n) => [n.kind, n.recipient, n.status]).sort()).toEqual(
      [
        ...[people.assessorEn, people.assessorKm, STAFF.assessor.email].map((email) => [
          'task_reminder',
          email,
          'sent',
        ]),
        ...[people.approverEn, STAFF.approver.email].map((email) => ['task_escalation', email, 'sent']),
      ].sort(),
    );
    expect(listed.every((n) => n.cboId === null)).toBe(true);
  });

  /** An account's id, as ensureAccounts answered it. */
  function idOf(email: string): string {
    const known = ids[email];
    if (!known) throw new Error(`No id for ${email}`);
    return known;
  }
});
