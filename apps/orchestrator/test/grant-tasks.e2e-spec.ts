import 'reflect-metadata';
import type { INestMicroservice } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';
import {
  getGrantApplicationRun,
  listTasks,
  signalGrantResubmitted,
  startGrantApplicationRun,
  type Caller,
} from '@bandanh/contracts';
import { NatsRpc, systemCaller } from '@bandanh/platform';
import {
  createTestCallerKeys,
  createTestDatabase,
  uniqueName,
  type TestCallerKeys,
  type TestDatabase,
} from '@bandanh/platform/testing';
import { migrateOrchestrator, startOrchestrator } from '../src/app';
import { loadOrchestratorConfig } from '../src/config/env';
import { TasksService } from '../src/tasks/tasks.service';

const staffMember = (userId: string, ...roles: Extract<Caller, { kind: 'staff' }>['roles']): Caller => ({
  kind: 'staff',
  userId,
  roles,
});
const reviewerA = staffMember('a1a1a1a1-a1a1-4a1a-8a1a-a1a1a1a1a1a1', 'reviewer');
const reviewerB = staffMember('b2b2b2b2-b2b2-4b2b-8b2b-b2b2b2b2b2b2', 'reviewer');
const coordinator = staffMember('c3c3c3c3-c3c3-4c3c-8c3c-c3c3c3c3c3c3', 'coordinator');

/**
 * The grant application's side of the orchestrator that needs no grants service: the inbox's
 * review tasks for one reviewer each (the migration, the listing's rule, over NATS), and who may
 * start, signal and read an application's run.
 */
describe("the orchestrator's grant tasks and runs, on the real PostgreSQL, NATS and Temporal", () => {
  let database: TestDatabase;
  let nats: NatsConnection;
  let rpc: NatsRpc;
  let orchestrator: INestMicroservice;
  let keys: TestCallerKeys;
  const prefix = uniqueName('it');

  beforeAll(async () => {
    database = await createTestDatabase('grant_tasks');
    keys = await createTestCallerKeys();
    await migrateOrchestrator(database.url);
    orchestrator = await startOrchestrator(
      loadOrchestratorConfig({
        NATS_PREFIX: prefix,
        TEMPORAL_TASK_QUEUE: uniqueName('grants'),
        TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
        LOG_LEVEL: 'warn',
        DATABASE_URL: database.url,
        EXPANSION_SCHEDULE: 'off',
        CALLER_KEYS_DIR: keys.dir,
      }),
    );
    nats = await connect({ servers: 'nats://127.0.0.1:4222' });
    rpc = new NatsRpc(nats, prefix, 10_000, await keys.signer('gateway'));
  });

  afterAll(async () => {
    await nats?.drain();
    await orchestrator?.close();
    await database?.drop();
    keys?.remove();
  });

  it('shows a review task to its reviewer alone, and every task to a coordinator who asks for all', async () => {
    const tasks = orchestrator.get(TasksService);
    const applicationId = crypto.randomUUID();
    const cboId = crypto.randomUUID();
    const workflowId = `grant-application-${applicationId}`;
    const common = { workflowId, cboId, subjectId: applicationId, subjectLabel: 'GRT-AB12CD34 — Water' };
    await tasks.open({
      ...common,
      taskId: `${workflowId}:check_grant_eligibility:1`,
      kind: 'check_grant_eligibility',
      assigneeRole: 'coordinator',
    });
    for (const [n, reviewer] of [reviewerA, reviewerB].entries()) {
      await tasks.open({
        ...common,
        taskId: `${workflowId}:review_grant:${n + 1}`,
        kind: 'review_grant',
        assigneeRole: 'reviewer',
        assigneeUserId: reviewer.kind === 'staff' ? reviewer.userId : undefined,
      });
    }
    // A retried activity opens nothing twice.
    await tasks.open({
      ...common,
      taskId: `${workflowId}:review_grant:1`,
      kind: 'review_grant',
      assigneeRole: 'reviewer',
      assigneeUserId: 'a1a1a1a1-a1a1-4a1a-8a1a-a1a1a1a1a1a1',
    });

    const inbox = async (caller: Caller, all = false) =>
      (await rpc.send(listTasks, { status: 'open', cboId, all }, caller)).items;
    const mine = await inbox(reviewerA);
    expect(mine).toEqual([
      expect.objectContaining({
        kind: 'review_grant',
        assigneeUserId: 'a1a1a1a1-a1a1-4a1a-8a1a-a1a1a1a1a1a1',
      }),
    ]);
    expect((await inbox(reviewerB)).map((task) => task.id)).toEqual([`${workflowId}:review_grant:2`]);
    // Asking for all is for coordinators and admins: a reviewer still sees only their own.
    expect(await inbox(reviewerA, true)).toHaveLength(1);
    expect(await inbox(coordinator)).toEqual([
      expect.objectContaining({ kind: 'check_grant_eligibility', assigneeUserId: null }),
    ]);
    expect((await inbox(coordinator, true)).map((task) => task.kind).sort()).toEqual([
      'check_grant_eligibility',
      'review_grant',
      'review_grant',
    ]);
  });

  it('starts and signals a run for the grants service alone, and has none for an application never submitted', async () => {
    const applicationId = crypto.randomUUID();
    const start = {
      applicationId,
      cboId: crypto.randomUUID(),
      roundId: crypto.randomUUID(),
      label: 'GRT-X — Y',
    };
    await expect(rpc.send(startGrantApplicationRun, start, coordinator)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      rpc.send(signalGrantResubmitted, { applicationId, cycle: 2 }, coordinator),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const asGrants = new NatsRpc(nats, prefix, 10_000, await keys.signer('grants'));
    await expect(
      asGrants.send(signalGrantResubmitted, { applicationId, cycle: 2 }, systemCaller('grants')),
    ).resolves.toEqual({ signalled: false });
    await expect(rpc.send(getGrantApplicationRun, { applicationId }, coordinator)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      rpc.send(getGrantApplicationRun, { applicationId }, staffMember(crypto.randomUUID(), 'trainer')),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
