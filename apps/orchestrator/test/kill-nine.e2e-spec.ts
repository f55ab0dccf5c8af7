import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import postgres from 'postgres';
import {
  assessCbo,
  createCbo,
  decideSelection,
  getNetworkSettings,
  getPipeline,
  identityHealth,
  networkHealth,
  orchestratorHealth,
  type Caller,
  type PipelineStage,
} from '@bandanh/contracts';
import { DomainError, NatsRpc } from '@bandanh/platform';
import {
  createTestCallerKeys,
  createTestDatabase,
  uniqueName,
  waitFor,
  type TestCallerKeys,
  type TestDatabase,
} from '@bandanh/platform/testing';
import { migrateIdentity } from '../../identity/src/app';
import { migrateNetwork } from '../../network/src/app';
import { migrateOrchestrator } from '../src/app';

const REPO = join(__dirname, '..', '..', '..');
const PIPELINES = 50;
const coordinator: Caller = { kind: 'staff', userId: randomUUID(), roles: ['coordinator'] };
const assessor: Caller = { kind: 'staff', userId: randomUUID(), roles: ['assessor'] };
const approver: Caller = { kind: 'staff', userId: randomUUID(), roles: ['approver'] };
const SERVICES = ['identity', 'network', 'orchestrator'] as const;
type Service = (typeof SERVICES)[number];

/**
 * kill -9 loses nothing: 50 CBO pipelines driven through assessment and selection while the
 * orchestrator (its Temporal worker) and the network service are SIGKILLed mid-way, each a
 * real process of its own, and started again.
 */
describe('kill -9 of the orchestrator and the network service mid-way', () => {
  let database: TestDatabase;
  let keys: TestCallerKeys;
  let nats: NatsConnection;
  let rpc: NatsRpc;
  let env: Record<string, string>;
  const processes = new Map<Service, ChildProcess>();

  function start(service: Service): void {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${service}/src/main.ts`], {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    processes.set(service, child);
  }

  async function kill(service: Service): Promise<void> {
    const child = processes.get(service);
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async function healthy(): Promise<void> {
    for (const contract of [identityHealth, networkHealth, orchestratorHealth]) {
      await waitFor(
        () =>
          rpc
            .send(contract, {}, { kind: 'system', service: 'gateway' }, { timeoutMs: 2_000 })
            .then((health) => (health.status === 'up' ? true : undefined)),
        { what: `${contract.subject} to answer`, timeoutMs: 60_000, intervalMs: 250 },
      );
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase('kill_nine');
    keys = await createTestCallerKeys();
    await Promise.all([
      migrateIdentity(database.url),
      migrateNetwork(database.url),
      migrateOrchestrator(database.url),
    ]);
    env = {
      DATABASE_URL: database.url,
      NATS_PREFIX: uniqueName('kill'),
      TEMPORAL_TASK_QUEUE: uniqueName('kill'),
      CALLER_KEYS_DIR: keys.dir,
      LOG_LEVEL: 'error',
      NATS_TIMEOUT_MS: '5000',
      EXPANSION_SCHEDULE: 'off',
      ARGON2_MEMORY_KIB: '4096',
    };
    nats = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    rpc = new NatsRpc(nats, env.NATS_PREFIX, 5_000, await keys.signer('gateway'));
    for (const service of SERVICES) start(service);
    await healthy();
  }, 120_000);

  afterAll(async () => {
    for (const service of SERVICES) await kill(service);
    await nats?.drain();
    await database?.drop();
    keys?.remove();
  });

  /** Retries a step across crashes: a step that already happened is found done, never done twice. */
  async function persist<T>(
    what: string,
    run: () => Promise<T>,
    done: () => Promise<boolean>,
  ): Promise<void> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      try {
        await run();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`${what}: still failing: ${String(error)}`);
        const code = error instanceof DomainError ? error.code : 'INTERNAL';
        if (code === 'CONFLICT' || code === 'FORBIDDEN' || code === 'VALIDATION_FAILED') {
          // Refused: fine only if an earlier attempt (cut off by a crash) already took the step.
          if (await done().catch(() => false)) return;
          if (code !== 'CONFLICT') throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  }

  const stageOf = async (cboId: string): Promise<PipelineStage | undefined> =>
    (await rpc.send(getPipeline, { cboId }, coordinator).catch(() => undefined))?.stage;

  it(`takes ${PIPELINES} pipelines through assessment and selection, each step recorded once`, async () => {
    const started = Date.now();
    const { settings } = await rpc.send(getNetworkSettings, {}, coordinator);
    const scores = Object.fromEntries(settings.rubric.map((criterion) => [criterion.key, 3]));
    const draft = {
      membersWomen: 10,
      membersMen: 8,
      ongoingActivities: 'Patrols of the community fishery',
      plannedActivities: 'Mapping the fishing grounds',
      ambitions: 'A recognised community fishery',
      leadership: 'An elected committee',
      meetingsHeld: 6,
      recordsKept: true,
      registration: 'in_progress' as const,
      risks: 'Illegal fishing gangs',
      scores,
    };

    const drive = async (index: number) => {
      const key = uniqueName('key');
      let cboId = '';
      await persist(
        `record CBO ${index}`,
        async () => {
          const { cbo } = await rpc.send(
            createCbo,
            {
              idempotencyKey: key,
              draft: {
                name: `Kill Nine Fishers ${index}`,
                provinceCode: 'KH-2',
                focusIssues: ['fisheries'],
                foundVia: 'field_visit',
                acknowledgeDuplicates: true,
              },
            },
            coordinator,
          );
          cboId = cbo.id;
        },
        async () => false,
      );
      await waitFor(async () => ((await stageOf(cboId)) === 'assessment' ? true : undefined), {
        what: `CBO ${index} to wait for its assessment`,
        timeoutMs: 120_000,
        intervalMs: 250,
      });
      await persist(
        `assess CBO ${index}`,
        () => rpc.send(assessCbo, { cboId, draft }, assessor),
        async () => (await stageOf(cboId)) === 'selection',
      );
      const outcome = index % 2 === 0 ? 'selected' : 'declined';
      await persist(
        `decide CBO ${index}`,
        () =>
          rpc.send(
            decideSelection,
            {
              cboId,
              decision: outcome === 'selected' ? { outcome } : { outcome, reason: 'Not organised yet' },
            },
            approver,
          ),
        async () => (await stageOf(cboId)) === (outcome === 'selected' ? 'participant' : 'declined'),
      );
      return { cboId, expected: outcome === 'selected' ? 'participant' : 'declined' };
    };

    const driving = Promise.all(Array.from({ length: PIPELINES }, (_, index) => drive(index)));
    // Mid-way: kill -9 the worker and the network service, twice, and start them again.
    for (const pause of [1_500, 4_000]) {
      await new Promise((resolve) => setTimeout(resolve, pause));
      await kill('orchestrator');
      await kill('network');
      await new Promise((resolve) => setTimeout(resolve, 500));
      start('network');
      start('orchestrator');
    }
    const results = await driving;
    console.log(`kill -9: ${PIPELINES} pipelines through two crashes in ${Date.now() - started} ms`);

    for (const { cboId, expected } of results) {
      await waitFor(async () => ((await stageOf(cboId)) === expected ? true : undefined), {
        what: `CBO ${cboId} at ${expected}`,
        timeoutMs: 60_000,
      });
    }

    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      const ids = results.map((result) => result.cboId);
      const assessments = await sql<{ cbo_id: string; n: number }[]>`
        select cbo_id, count(*)::int as n from network.assessments where cbo_id = any(${ids}) group by cbo_id`;
      expect(assessments).toHaveLength(PIPELINES);
      expect(assessments.filter((row) => row.n !== 1)).toEqual([]);

      const decisions = await sql<{ target_id: string; n: number }[]>`
        select target_id, count(*)::int as n from identity.audit_log
        where action = 'cbo.selection.decide' and outcome = 'success' group by target_id`;
      expect(decisions).toHaveLength(PIPELINES);
      expect(decisions.filter((row) => row.n !== 1)).toEqual([]);

      const tasks = await sql<{ workflow_id: string; kind: string; n: number }[]>`
        select workflow_id, kind, count(*)::int as n from orchestrator.tasks group by workflow_id, kind`;
      expect(tasks.filter((row) => row.n !== 1)).toEqual([]);
      expect(new Set(tasks.map((row) => row.workflow_id)).size).toBe(PIPELINES);

      const stages = await sql<{ stage: string; n: number }[]>`
        select stage, count(*)::int as n from network.cbos group by stage order by stage`;
      expect(Object.fromEntries(stages.map((row) => [row.stage, row.n]))).toEqual({
        participant: PIPELINES / 2,
        declined: PIPELINES / 2,
      });
    } finally {
      await sql.end();
    }
  }, 300_000);
});
