import 'reflect-metadata';
import type { INestMicroservice } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';
import {
  createCbo,
  getCbo,
  getPipeline,
  networkHealth,
  orchestratorHealth,
  listCbos,
  recordCboStage,
  startPipeline,
  type Caller,
  type FocusIssue,
} from '@bandanh/contracts';
import { DomainError, NatsRpc, systemCaller } from '@bandanh/platform';
import {
  createTestCallerKeys,
  createTestDatabase,
  uniqueName,
  waitFor,
  type TestCallerKeys,
  type TestDatabase,
} from '@bandanh/platform/testing';
import { migrateNetwork, startNetworkService } from '../../network/src/app';
import { loadNetworkConfig } from '../../network/src/config/env';
import { migrateOrchestrator, startOrchestrator } from '../src/app';
import { loadOrchestratorConfig } from '../src/config/env';

const coordinator: Caller = {
  kind: 'staff',
  userId: '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9',
  roles: ['coordinator'],
};
const trainer: Caller = { kind: 'staff', userId: '2c3d4e5f-6071-4829-93a4-b5c6d7e8f9a0', roles: ['trainer'] };
const gateway = systemCaller('gateway');

describe('the network service and the orchestrator, on the real PostgreSQL, NATS and Temporal', () => {
  let database: TestDatabase;
  let nats: NatsConnection;
  let rpc: NatsRpc;
  let network: INestMicroservice;
  let orchestrator: INestMicroservice;
  let keys: TestCallerKeys;
  const env = () => ({
    NATS_PREFIX: uniqueName('it'),
    TEMPORAL_TASK_QUEUE: uniqueName('pipeline'),
    // npm test's own Temporal server (infra/test.sh), else the local default.
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    LOG_LEVEL: 'warn',
  });
  const shared = env();

  const draft = {
    name: 'Prey Lang Community Network',
    acknowledgeDuplicates: true,
    provinceCode: 'KH-2',
    focusIssues: ['land'] as FocusIssue[],
    foundVia: 'field_visit',
  } as const;

  beforeAll(async () => {
    database = await createTestDatabase('pipeline');
    keys = await createTestCallerKeys();
    await Promise.all([migrateNetwork(database.url), migrateOrchestrator(database.url)]);
    const config = {
      ...shared,
      DATABASE_URL: database.url,
      EXPANSION_SCHEDULE: 'off',
      CALLER_KEYS_DIR: keys.dir,
    };
    network = await startNetworkService(loadNetworkConfig(config));
    orchestrator = await startOrchestrator(loadOrchestratorConfig(config));
    nats = await connect({ servers: 'nats://127.0.0.1:4222' });
    rpc = new NatsRpc(nats, shared.NATS_PREFIX, 10_000, await keys.signer('gateway'));
  });

  afterAll(async () => {
    await nats?.drain();
    await orchestrator?.close();
    await network?.close();
    await database?.drop();
    keys?.remove();
  });

  it('reports both services healthy', async () => {
    await expect(rpc.send(networkHealth, {}, gateway)).resolves.toMatchObject({ status: 'up' });
    await expect(rpc.send(orchestratorHealth, {}, gateway)).resolves.toMatchObject({ status: 'up' });
  });

  it('stores a CBO, starts its pipeline once, and keeps the stage the workflow reports', async () => {
    const { cbo, created } = await rpc.send(
      createCbo,
      { idempotencyKey: uniqueName('key'), draft },
      coordinator,
    );
    expect(created).toBe(true);
    const { acknowledgeDuplicates: _ack, ...stored0 } = draft;
    expect(cbo).toMatchObject({ ...stored0, stage: null });

    // The network service's outbox started the pipeline with the record; a person cannot.
    await expect(rpc.send(startPipeline, { cboId: cbo.id }, coordinator)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const asNetwork = new NatsRpc(nats, shared.NATS_PREFIX, 10_000, await keys.signer('network'));
    await waitFor(async () =>
      (await rpc.send(getPipeline, { cboId: cbo.id }, coordinator).catch(() => undefined)) ? true : undefined,
    );
    // A relay that sends the start again (it died before marking it sent) starts nothing twice.
    await expect(asNetwork.send(startPipeline, { cboId: cbo.id }, systemCaller('network'))).resolves.toEqual({
      workflowId: `cbo-pipeline-${cbo.id}`,
      started: false,
    });

    // Identified, screened by the pilot rule, and waiting for its assessment.
    const stored = await waitFor(
      async () => {
        const { cbo: current } = await rpc.send(getCbo, { id: cbo.id }, coordinator);
        return current.stage === 'assessment' ? current : undefined;
      },
      { what: 'the assessment stage to be recorded' },
    );
    expect(stored.stage).toBe('assessment');
    await expect(rpc.send(getPipeline, { cboId: cbo.id }, coordinator)).resolves.toMatchObject({
      stage: 'assessment',
      history: [
        expect.objectContaining({ stage: 'identified' }),
        expect.objectContaining({ stage: 'assessment' }),
      ],
    });
  });

  it('creates one CBO for one idempotency key, and refuses the key for another body', async () => {
    const key = uniqueName('key');
    const first = await rpc.send(createCbo, { idempotencyKey: key, draft }, coordinator);
    const again = await rpc.send(createCbo, { idempotencyKey: key, draft }, coordinator);
    expect(again).toEqual({ cbo: first.cbo, created: false });

    await expect(
      rpc.send(createCbo, { idempotencyKey: key, draft: { ...draft, name: 'Another group' } }, coordinator),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('answers a message that breaks the contract with VALIDATION_FAILED naming the field', async () => {
    // A caller that skips its own validation: the service still checks the contract.
    const careless = new NatsRpc(nats, shared.NATS_PREFIX, 10_000, await keys.signer('gateway'));
    const unchecked = {
      ...createCbo,
      request: createCbo.request.partial().passthrough(),
    } as unknown as typeof createCbo;
    const error = await careless
      .send(
        unchecked,
        { idempotencyKey: uniqueName('key'), draft: { ...draft, provinceCode: 'KH-99' } },
        coordinator,
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ path: 'draft.provinceCode' })] },
    });
  });

  it('says NOT_FOUND for a CBO that does not exist', async () => {
    await expect(
      rpc.send(getCbo, { id: '00000000-0000-4000-8000-000000000000' }, coordinator),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('decides with the caller: a trainer cannot record a CBO, only the orchestrator records stages', async () => {
    await expect(
      rpc.send(createCbo, { idempotencyKey: uniqueName('key'), draft }, trainer),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const { cbo } = await rpc.send(createCbo, { idempotencyKey: uniqueName('key'), draft }, coordinator);
    await expect(
      rpc.send(recordCboStage, { id: cbo.id, stage: 'selection' }, coordinator),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(rpc.send(startPipeline, { cboId: cbo.id }, trainer)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it("hides another CBO's records from an applicant sending messages with their own identity", async () => {
    const { cbo: mine } = await rpc.send(
      createCbo,
      { idempotencyKey: uniqueName('key'), draft },
      coordinator,
    );
    const { cbo: theirs } = await rpc.send(
      createCbo,
      { idempotencyKey: uniqueName('key'), draft: { ...draft, name: 'Other group' } },
      coordinator,
    );
    await waitFor(async () =>
      (await rpc.send(getPipeline, { cboId: theirs.id }, coordinator).catch(() => undefined))
        ? true
        : undefined,
    );
    const applicant: Caller = {
      kind: 'applicant',
      userId: '3d4e5f60-7182-4930-a4b5-c6d7e8f9a0b1',
      cboId: mine.id,
    };

    await expect(rpc.send(getCbo, { id: mine.id }, applicant)).resolves.toMatchObject({
      cbo: { id: mine.id },
    });
    await expect(rpc.send(getCbo, { id: theirs.id }, applicant)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(rpc.send(getPipeline, { cboId: theirs.id }, applicant)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const page = await rpc.send(listCbos, { limit: 100, offset: 0 }, applicant);
    expect(page.items.map((c) => c.id)).toEqual([mine.id]);
    expect(page.total).toBe(1);
    await expect(
      rpc.send(createCbo, { idempotencyKey: uniqueName('key'), draft }, applicant),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses a message that carries no caller identity', async () => {
    const { JSONCodec } = await import('nats');
    const codec = JSONCodec();
    const reply = await nats.request(
      `${shared.NATS_PREFIX}.network.cbo.list`,
      codec.encode({ pattern: 'network.cbo.list', data: {}, id: '1' }),
    );
    expect((codec.decode(reply.data) as { err: { code: string } }).err.code).toBe('UNAUTHENTICATED');
  });
});
