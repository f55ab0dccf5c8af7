import 'reflect-metadata';
import type { INestApplication, INestMicroservice } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { connect } from 'nats';
import * as OTPAuth from 'otpauth';
import type { StaffRole } from '@bandanh/contracts';
import {
  createTestCallerKeys,
  createTestDatabase,
  uniqueName,
  type TestCallerKeys,
  type TestDatabase,
} from '@bandanh/platform/testing';
import { migrateGrants, startGrantsService } from '../../grants/src/app';
import { loadGrantsConfig } from '../../grants/src/config/env';
import { ensureAccounts, migrateIdentity, startIdentityService } from '../../identity/src/app';
import { loadIdentityConfig } from '../../identity/src/config/env';
import { migrateNetwork, startNetworkService } from '../../network/src/app';
import { loadNetworkConfig } from '../../network/src/config/env';
import { migrateOrchestrator, startOrchestrator } from '../../orchestrator/src/app';
import { expansionScheduleId } from '../../orchestrator/src/expansion/expansion-schedule.service';
import { loadOrchestratorConfig } from '../../orchestrator/src/config/env';
import { migrateTraining, startTrainingService } from '../../training/src/app';
import { loadTrainingConfig } from '../../training/src/config/env';
import { startGateway } from '../src/app';
import { loadGatewayConfig } from '../src/config/env';

export interface TestAccount {
  email: string;
  password: string;
  roles: StaffRole[];
  /** Base32 TOTP secret, for the roles that must have two-factor authentication. */
  totpSecret?: string;
}

const PASSWORD = 'a long test passphrase';
const TOTP = 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BA';

/** One staff account per role, with two-factor authentication where the role needs it. */
export const STAFF: Record<StaffRole, TestAccount> = {
  admin: { email: 'admin@test.bandanh', password: PASSWORD, roles: ['admin'], totpSecret: TOTP },
  coordinator: { email: 'coordinator@test.bandanh', password: PASSWORD, roles: ['coordinator'] },
  assessor: { email: 'assessor@test.bandanh', password: PASSWORD, roles: ['assessor'] },
  approver: { email: 'approver@test.bandanh', password: PASSWORD, roles: ['approver'], totpSecret: TOTP },
  trainer: { email: 'trainer@test.bandanh', password: PASSWORD, roles: ['trainer'] },
  finance: { email: 'finance@test.bandanh', password: PASSWORD, roles: ['finance'], totpSecret: TOTP },
  protection_officer: {
    email: 'protection@test.bandanh',
    password: PASSWORD,
    roles: ['protection_officer'],
    totpSecret: TOTP,
  },
  reviewer: { email: 'reviewer@test.bandanh', password: PASSWORD, roles: ['reviewer'] },
  programme_manager: {
    email: 'programme-manager@test.bandanh',
    password: PASSWORD,
    roles: ['programme_manager'],
    totpSecret: TOTP,
  },
  grant_committee: {
    email: 'grant-committee@test.bandanh',
    password: PASSWORD,
    roles: ['grant_committee'],
    totpSecret: TOTP,
  },
  director: { email: 'director@test.bandanh', password: PASSWORD, roles: ['director'], totpSecret: TOTP },
};

/** The current code of an authenticator app holding `secret`. */
export function totp(secret: string, at = Date.now()): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: at });
}

/** The workflows of a task queue that are still running, by Temporal's visibility. */
export async function runningWorkflows(
  temporal: Client,
  taskQueue: string,
): Promise<Array<{ workflowId: string; runId: string }>> {
  const running: Array<{ workflowId: string; runId: string }> = [];
  const query = `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`;
  for await (const { workflowId, runId } of temporal.workflow.list({ query })) {
    running.push({ workflowId, runId });
  }
  return running;
}

/** Terminates them, until visibility shows none (it lags a little behind), for up to 10 s. */
async function terminateRunningWorkflows(temporal: Client, taskQueue: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const running = await runningWorkflows(temporal, taskQueue);
    if (running.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`${running.length} workflows still run on ${taskQueue} after being terminated`);
    }
    await Promise.all(
      running.map(({ workflowId, runId }) =>
        temporal.workflow
          .getHandle(workflowId, runId)
          .terminate('the test stack stopped')
          .catch(() => undefined),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The whole back end for one test file: its own database, NATS prefix and Temporal task
 * queue, on the real PostgreSQL, NATS and Temporal, with one staff account per role.
 * `restart()` stops every process and starts new ones on the same data.
 */
/** What `TestStack.call` sends: a request's options, with a JSON body and an idempotency key. */
export type ApiCallInit = RequestInit & { json?: unknown; key?: string };

export class TestStack {
  gatewayUrl = '';
  private apps: Array<INestApplication | INestMicroservice> = [];
  private tokens = new Map<string, Promise<string>>();

  private constructor(
    readonly database: TestDatabase,
    /** Every service's caller-signing key, in a folder of this stack's own. */
    readonly keys: TestCallerKeys,
    readonly env: Record<string, string>,
  ) {}

  static async start(label: string, env: Record<string, string> = {}): Promise<TestStack> {
    const database = await createTestDatabase(label);
    const keys = await createTestCallerKeys();
    await Promise.all([
      migrateNetwork(database.url),
      migrateIdentity(database.url),
      migrateOrchestrator(database.url),
      migrateTraining(database.url),
      migrateGrants(database.url),
    ]);
    const stack = new TestStack(database, keys, {
      DATABASE_URL: database.url,
      // Two test files run at once (infra/test.sh), each with five services on the database:
      // their pools stay under PostgreSQL's 100.
      DATABASE_POOL_MAX: '6',
      CALLER_KEYS_DIR: keys.dir,
      NATS_PREFIX: uniqueName(label),
      TEMPORAL_TASK_QUEUE: uniqueName(label),
      // npm test's own Temporal server (infra/test.sh), else the local default.
      TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
      // The workflows bundled once for the whole run (infra/jest/global-setup.js), when it did.
      ...(process.env.TEMPORAL_WORKFLOW_BUNDLE
        ? { TEMPORAL_WORKFLOW_BUNDLE: process.env.TEMPORAL_WORKFLOW_BUNDLE }
        : {}),
      LOG_LEVEL: 'error',
      GATEWAY_PORT: '0',
      NATS_TIMEOUT_MS: '5000',
      ARGON2_MEMORY_KIB: '4096',
      SIGN_IN_DELAY_MS: '10',
      EXPANSION_SCHEDULE: 'off',
      // Tests make many public writes from one address; rate-limit.e2e-spec.ts sets its own limit.
      PUBLIC_WRITE_LIMIT: '10000',
      ...env,
    });
    try {
      await ensureAccounts(
        loadIdentityConfig(stack.env),
        Object.entries(STAFF).map(([role, account]) => ({
          ...account,
          displayName: `Test ${role}`,
          kind: 'staff' as const,
        })),
      );
      await stack.startProcesses();
    } catch (error) {
      // A stack that cannot boot leaves nothing behind for the next run.
      await stack.stop().catch(() => undefined);
      throw error;
    }
    return stack;
  }

  private async startProcesses(): Promise<void> {
    const identity = await startIdentityService(loadIdentityConfig(this.env));
    const network = await startNetworkService(loadNetworkConfig(this.env));
    const orchestrator = await startOrchestrator(loadOrchestratorConfig(this.env));
    const training = await startTrainingService(loadTrainingConfig(this.env));
    const grants = await startGrantsService(loadGrantsConfig(this.env));
    const gateway = await startGateway(loadGatewayConfig(this.env));
    this.apps = [gateway, orchestrator, network, identity, training, grants];
    const address = gateway.getHttpServer().address();
    if (!address || typeof address === 'string') throw new Error('The gateway has no TCP address');
    this.gatewayUrl = `http://127.0.0.1:${address.port}`;
  }

  /** Adds a staff account (with two-factor authentication when it has a secret). */
  async ensureAccount(account: TestAccount): Promise<void> {
    await ensureAccounts(loadIdentityConfig(this.env), [
      { ...account, displayName: account.email.split('@')[0], kind: 'staff' as const },
    ]);
  }

  /**
   * Signs in through the API (once per account and test file) and answers the session token.
   * Two steps sent at once for the same person share one sign-in: a second sign-in with the same
   * second-factor code would be refused as a reused code.
   */
  tokenFor(account: TestAccount): Promise<string> {
    const known = this.tokens.get(account.email);
    if (known) return known;
    const signingIn = this.signIn(account);
    this.tokens.set(account.email, signingIn);
    signingIn.catch(() => this.tokens.delete(account.email));
    return signingIn;
  }

  private async signIn(account: TestAccount): Promise<string> {
    const response = await fetch(`${this.gatewayUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: account.email,
        password: account.password,
        ...(account.totpSecret ? { code: totp(account.totpSecret) } : {}),
      }),
    });
    const body = (await response.json()) as { status?: string; session?: { token: string } };
    if (!body.session) throw new Error(`Could not sign in ${account.email}: ${JSON.stringify(body)}`);
    return body.session.token;
  }

  /**
   * One call to the API, with a session token (or none), JSON in and out: `json` is the body and
   * `key` the idempotency key. Answers the status, the body (parsed when it is JSON, else its
   * text: a calendar feed, say) and the headers.
   */
  async call(
    token: string | undefined,
    path: string,
    init: ApiCallInit = {},
  ): Promise<{ status: number; body: any; headers: Headers }> {
    const { json, key, ...rest } = init;
    const response = await fetch(`${this.gatewayUrl}${path}`, {
      ...rest,
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
      },
    });
    const text = await response.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: the text as it came.
    }
    return { status: response.status, body, headers: response.headers };
  }

  /**
   * Records a CBO through the API (POST /api/cbos with a key of its own) as `account`, the
   * coordinator by default, and answers its id and pipeline; a refusal fails the test.
   */
  async recordCbo(
    fields: { name: string; provinceCode: string; focusIssues: string[]; foundVia: string } & Record<
      string,
      unknown
    >,
    account: TestAccount = STAFF.coordinator,
  ): Promise<{ id: string; workflowId: string }> {
    const response = await fetch(`${this.gatewayUrl}/api/cbos`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await this.tokenFor(account)}`,
        'content-type': 'application/json',
        'idempotency-key': uniqueName('key'),
      },
      body: JSON.stringify(fields),
    });
    const body = (await response.json()) as { cbo?: { id: string }; workflowId?: string };
    if (response.status !== 201 || !body.cbo || !body.workflowId) {
      throw new Error(`POST /api/cbos answered ${response.status}: ${JSON.stringify(body)}`);
    }
    return { id: body.cbo.id, workflowId: body.workflowId };
  }

  async stopNetworkService(): Promise<void> {
    await this.stopService('network');
  }

  /** Stops one process of the stack, as if it had died; `restart()` brings every one back. */
  async stopService(
    name: 'gateway' | 'orchestrator' | 'network' | 'identity' | 'training' | 'grants',
  ): Promise<void> {
    const index = ['gateway', 'orchestrator', 'network', 'identity', 'training', 'grants'].indexOf(name);
    await this.apps[index]?.close();
  }

  async restart(): Promise<void> {
    await this.stopProcesses();
    await this.startProcesses();
  }

  private async stopProcesses(): Promise<void> {
    for (const app of this.apps) await app.close().catch(() => undefined);
    this.apps = [];
  }

  async stop(): Promise<void> {
    await this.stopProcesses();
    await this.database.drop();
    this.keys.remove();
    // Schedules and workflows outlive the processes: remove this run's schedule, and end the
    // workflows still running on its task queue, which no worker polls any more.
    const connection = await Connection.connect({ address: this.env.TEMPORAL_ADDRESS });
    try {
      const temporal = new Client({ connection });
      if (this.env.EXPANSION_SCHEDULE === 'on') {
        await temporal.schedule
          .getHandle(expansionScheduleId(this.env.TEMPORAL_TASK_QUEUE))
          .delete()
          .catch(() => undefined);
      }
      await terminateRunningWorkflows(temporal, this.env.TEMPORAL_TASK_QUEUE);
    } finally {
      await connection.close();
    }
    // The gateway's idempotency and rate-limit buckets live in JetStream: remove this run's.
    const nats = await connect({ servers: 'nats://127.0.0.1:4222' });
    try {
      const streams = await nats.jetstreamManager();
      await streams.streams.delete(`KV_${this.env.NATS_PREFIX}_idempotency`).catch(() => false);
      await streams.streams.delete(`KV_${this.env.NATS_PREFIX}_ratelimit`).catch(() => false);
    } finally {
      await nats.close();
    }
  }
}
