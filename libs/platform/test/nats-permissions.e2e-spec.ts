import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ErrorCode, Events, JSONCodec, connect, type Msg, type NatsConnection, type Status } from 'nats';
import {
  SERVICES,
  appendAudit,
  appendAuditEntries,
  networkHealth,
  resolveSession,
  startPipeline,
  type ServiceName,
} from '@bandanh/contracts';
import { verifierFrom } from '../src/auth/caller-token';
import { systemCaller } from '../src/auth/require';
import { DomainError } from '../src/errors/domain-error';
import { Handles } from '../src/nats/handles.decorator';
import { DEFAULT_NATS_PREFIX, allContracts, ownerOf, passwordVariable } from '../src/nats/nats-permissions';
import { NatsRpc } from '../src/nats/nats-rpc';
import { PrefixedNatsServer } from '../src/nats/prefixed-nats.server';
import { subjectFor } from '../src/nats/subjects';
import { createTestCallerKeys, type TestCallerKeys } from '../src/testing/caller-keys';
import { waitFor } from '../src/testing/wait-for';

// The deployment's configuration, as committed, on Debian's nats-server: each service's user
// may do what the service does and nothing else, and nobody gets in without a user.
const CONFIG_FILE = join(__dirname, '..', '..', '..', 'infra', 'nats', 'nats-server.conf');
const NATS_SERVER = '/usr/sbin/nats-server';
const PREFIX = DEFAULT_NATS_PREFIX;
const subject = (s: string) => subjectFor(PREFIX, s);
const codec = JSONCodec<unknown>();

const passwords = Object.fromEntries(
  SERVICES.map((service) => [service, `p${randomBytes(24).toString('hex')}`]),
) as Record<ServiceName, string>;

let server: ChildProcess | undefined;
let serverLog = '';
let storeDir: string | undefined;
let url: string;
let keys: TestCallerKeys | undefined;
let networkApp: INestMicroservice | undefined;
const connections: NatsConnection[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts nats-server with the configuration; resolves once it listens, fails with its log. */
async function startNatsServer(dir: string): Promise<string> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    NATS_STORE_DIR: dir,
    ...Object.fromEntries(SERVICES.map((service) => [passwordVariable(service), passwords[service]])),
  };
  const child = spawn(NATS_SERVER, ['--config', CONFIG_FILE, '--addr', '127.0.0.1', '--port', `${port}`], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  // Read its output for as long as it runs (a full pipe would stall the server).
  const keep = (chunk: Buffer) => {
    serverLog = (serverLog + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`nats-server did not start in 10 s:\n${serverLog}`)),
      10_000,
    );
    const ready = () => {
      if (!serverLog.includes('Server is ready')) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout.on('data', ready);
    child.stderr.on('data', ready);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`nats-server exited with ${code}:\n${serverLog}`));
    });
  });
  return `nats://127.0.0.1:${port}`;
}

/** A connection as one service's user. */
async function as(service: ServiceName, pass = passwords[service]): Promise<NatsConnection> {
  const connection = await connect({
    servers: url,
    user: service,
    pass,
    name: `test-${service}`,
    reconnect: false,
  });
  connections.push(connection);
  return connection;
}

/** The permission violations the server reports on a connection (nats.js: status() errors). */
function violations(connection: NatsConnection): Status[] {
  const seen: Status[] = [];
  void (async () => {
    for await (const status of connection.status()) {
      if (status.type === Events.Error && status.data === ErrorCode.PermissionsViolation) seen.push(status);
    }
  })();
  return seen;
}

/** Answers every request on `pattern` in the service's queue group, the way Nest's transport does. */
function answer(connection: NatsConnection, pattern: string, queue: string, response: unknown): Msg[] {
  const received: Msg[] = [];
  connection.subscribe(pattern, {
    queue,
    callback: (error, msg) => {
      if (error) return;
      received.push(msg);
      const { id } = codec.decode(msg.data) as { id: string };
      msg.respond(codec.encode({ id, response, isDisposed: true }));
    },
  });
  return received;
}

@Controller()
class NetworkHealthHandlers {
  @Handles(networkHealth)
  check() {
    return { service: 'network', status: 'up' as const, checks: {} };
  }
}

@Module({ controllers: [NetworkHealthHandlers] })
class NetworkStub {}

beforeAll(async () => {
  storeDir = await mkdtemp(join(tmpdir(), 'bandanh-nats-'));
  url = await startNatsServer(storeDir);
  keys = await createTestCallerKeys();
}, 30_000);

afterAll(async () => {
  await networkApp?.close();
  await Promise.all(connections.map((c) => (c.isClosed() ? undefined : c.close())));
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  keys?.remove();
  if (storeDir) await rm(storeDir, { recursive: true, force: true });
});

describe('the deployment NATS configuration on nats-server', () => {
  it('lets messages up to 1 MiB through', async () => {
    const gateway = await as('gateway');
    expect(gateway.info?.max_payload).toBe(1024 * 1024);
  });

  it('refuses a connection without a user', async () => {
    await expect(connect({ servers: url, reconnect: false })).rejects.toMatchObject({
      code: ErrorCode.AuthorizationViolation,
    });
  });

  it('refuses a wrong password and an unknown user', async () => {
    await expect(as('network', passwords.identity)).rejects.toMatchObject({
      code: ErrorCode.AuthorizationViolation,
    });
    await expect(
      connect({ servers: url, user: 'admin', pass: passwords.gateway, reconnect: false }),
    ).rejects.toMatchObject({ code: ErrorCode.AuthorizationViolation });
  });

  it('keeps the network service from publishing on the identity subjects it does not call', async () => {
    const identity = await as('identity');
    const received = answer(identity, subject('identity.>'), 'identity', { seq: 1 });
    await identity.flush();
    const network = await as('network');
    const seen = violations(network);

    const forbidden = [...allContracts().keys()]
      .filter((c) => ownerOf(c) === 'identity' && c !== appendAudit && c !== appendAuditEntries)
      .map((c) => subject(c.subject));
    expect(forbidden).toContain('bandanh.identity.session.resolve');
    const attempts = await Promise.allSettled(
      forbidden.map((s) =>
        network.request(s, codec.encode({ id: randomUUID(), data: {} }), { timeout: 5_000 }),
      ),
    );
    for (const attempt of attempts) {
      expect(attempt).toMatchObject({ status: 'rejected', reason: { code: ErrorCode.PermissionsViolation } });
    }

    // A plain publish is dropped too; the server says so on the connection.
    network.publish(subject('identity.account.setRoles'), codec.encode({ id: randomUUID(), data: {} }));
    await waitFor(
      () =>
        seen.find((s) => s.permissionContext?.subject === subject('identity.account.setRoles')) ?? undefined,
      { what: 'the publish violation' },
    );
    expect(
      seen.find((s) => s.permissionContext?.subject === subject('identity.session.resolve')),
    ).toMatchObject({
      permissionContext: { operation: 'publish' },
    });

    // In the service, NatsRpc turns it into UNAVAILABLE naming the cause.
    const rpc = new NatsRpc(network, PREFIX, 5_000, await keys!.signer('network'));
    const refused = await rpc.send(resolveSession, { token: 'x' }, systemCaller('network')).catch((e) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('PERMISSIONS_VIOLATION'),
    });

    // Nothing reached identity; what the network service does call still does.
    await network.flush();
    await identity.flush();
    expect(received).toEqual([]);
    const reply = await network.request(
      subject(appendAudit.subject),
      codec.encode({ id: randomUUID(), data: {} }),
      { timeout: 5_000 },
    );
    expect(codec.decode(reply.data)).toMatchObject({ response: { seq: 1 } });
    expect(received.map((m) => m.subject)).toEqual(['bandanh.identity.audit.append']);
  });

  it('keeps the network service from subscribing to identity subjects, or to its own outside its queue group', async () => {
    const network = await as('network');
    const seen = violations(network);
    // The server answers SUB with -ERR before the PONG of the flush that follows it.
    const refusal = async (pattern: string, queue?: string) => {
      let refused: unknown;
      network.subscribe(pattern, { queue, callback: (error) => (refused ??= error) });
      await network.flush();
      return refused;
    };

    await expect(refusal(subject('identity.>'))).resolves.toMatchObject({
      code: ErrorCode.PermissionsViolation,
    });
    await expect(refusal(subject('identity.session.resolve'), 'identity')).resolves.toMatchObject({
      code: ErrorCode.PermissionsViolation,
    });
    await expect(refusal(subject('network.>'))).resolves.toMatchObject({
      code: ErrorCode.PermissionsViolation,
    });
    expect(seen.map((s) => s.permissionContext)).toEqual(
      expect.arrayContaining([
        { operation: 'subscription', subject: 'bandanh.identity.>', queue: undefined },
      ]),
    );
  });

  it('lets the identity service answer requests and publish nothing else', async () => {
    const identity = await as('identity');
    const seen = violations(identity);
    identity.publish(subject('network.cbo.get'), codec.encode({ id: randomUUID(), data: {} }));
    identity.publish('_INBOX.elsewhere', codec.encode({}));
    await identity.flush();
    await waitFor(() => (seen.length >= 2 ? seen : undefined), { what: 'two publish violations' });
    expect(seen.map((s) => s.permissionContext?.subject)).toEqual([
      'bandanh.network.cbo.get',
      '_INBOX.elsewhere',
    ]);
  });

  it("lets the network service answer on its own subjects through Nest's transport and call the orchestrator", async () => {
    const verifier = await verifierFrom({ CALLER_KEYS_DIR: keys!.dir, CALLER_TOKEN_TTL_SECONDS: 60 });
    networkApp = await NestFactory.createMicroservice(NetworkStub, {
      strategy: new PrefixedNatsServer(
        PREFIX,
        { servers: url, name: 'network', user: 'network', pass: passwords.network, queue: 'network' },
        verifier,
      ),
      logger: false,
    });
    await networkApp.listen();

    // The gateway asks the network service; it answers with msg.respond() (allow_responses).
    const gateway = await as('gateway');
    const gatewayRpc = new NatsRpc(gateway, PREFIX, 5_000, await keys!.signer('gateway'));
    await expect(gatewayRpc.send(networkHealth, {}, systemCaller('gateway'))).resolves.toEqual({
      service: 'network',
      status: 'up',
      checks: {},
    });

    // The network service starts a pipeline; the orchestrator answers.
    const orchestrator = await as('orchestrator');
    const started = answer(orchestrator, subject(startPipeline.subject), 'orchestrator', {
      workflowId: 'cbo-pipeline-test',
      started: true,
    });
    await orchestrator.flush();
    const network = await as('network');
    const networkRpc = new NatsRpc(network, PREFIX, 5_000, await keys!.signer('network'));
    await expect(
      networkRpc.send(startPipeline, { cboId: randomUUID() }, systemCaller('network')),
    ).resolves.toEqual({ workflowId: 'cbo-pipeline-test', started: true });
    expect(started).toHaveLength(1);
  });

  it("gives the gateway its JetStream key-value buckets and nobody else's", async () => {
    const gateway = await as('gateway');
    // What apps/gateway/src/http/idempotency.interceptor.ts does.
    const kv = await gateway
      .jetstream()
      .views.kv(`${PREFIX}_idempotency`, { ttl: 24 * 3_600_000, history: 1 });
    const revision = await kv.create('key', codec.encode({ state: 'pending' }));
    await expect(kv.create('key', codec.encode({ state: 'pending' }))).rejects.toMatchObject({
      api_error: { err_code: 10071 }, // wrong last sequence: the key is taken
    });
    await kv.update('key', codec.encode({ state: 'done' }), revision);
    expect(codec.decode((await kv.get('key'))!.value)).toEqual({ state: 'done' });
    await kv.delete('key');
    expect((await kv.get('key'))?.operation).toBe('DEL');
    await expect(kv.create('key', codec.encode({ state: 'again' }))).resolves.toBeGreaterThan(revision);
    // And what the rate limiter does (apps/gateway/src/http/rate-limit-store.ts).
    const limits = await gateway.jetstream().views.kv(`${PREFIX}_ratelimit`, { ttl: 60_000, history: 1 });
    await limits.create('client', codec.encode({ count: 1 }));
    const counted = await limits.get('client');
    await limits.update('client', codec.encode({ count: 2 }), counted!.revision);
    await expect(limits.status()).resolves.toMatchObject({ ttl: 60_000, values: 1 });

    // Not another bucket, not the stream's removal, and no JetStream at all for the services.
    await expect(gateway.jetstream().views.kv(`${PREFIX}_other`)).rejects.toMatchObject({
      code: ErrorCode.PermissionsViolation,
    });
    const jsm = await gateway.jetstreamManager();
    await expect(jsm.streams.delete(`KV_${PREFIX}_idempotency`)).rejects.toMatchObject({
      code: ErrorCode.PermissionsViolation,
    });
    const network = await as('network');
    await expect(network.jetstream().views.kv(`${PREFIX}_idempotency`)).rejects.toMatchObject({
      code: ErrorCode.PermissionsViolation,
    });
  });
});
