import 'reflect-metadata';
import type { INestMicroservice } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';
import {
  createCbo,
  getCbo,
  getPipeline,
  networkHealth,
  orchestratorHealth,
  startPipeline,
} from '@bandanh/contracts';
import { DomainError, NatsRpc } from '@bandanh/platform';
import { createTestDatabase, uniqueName, waitFor, type TestDatabase } from '@bandanh/platform/testing';
import { migrateNetwork, startNetworkService } from '../../network/src/app';
import { loadNetworkConfig } from '../../network/src/config/env';
import { startOrchestrator } from '../src/app';
import { loadOrchestratorConfig } from '../src/config/env';

describe('the network service and the orchestrator, on the real PostgreSQL, NATS and Temporal', () => {
  let database: TestDatabase;
  let nats: NatsConnection;
  let rpc: NatsRpc;
  let network: INestMicroservice;
  let orchestrator: INestMicroservice;
  const env = () => ({
    NATS_PREFIX: uniqueName('it'),
    TEMPORAL_TASK_QUEUE: uniqueName('pipeline'),
    LOG_LEVEL: 'warn',
  });
  const shared = env();

  const draft = {
    name: 'Prey Lang Community Network',
    provinceCode: 'KH-2',
    focusIssue: 'land',
    foundVia: 'field_visit',
  } as const;

  beforeAll(async () => {
    database = await createTestDatabase('pipeline');
    await migrateNetwork(database.url);
    network = await startNetworkService(loadNetworkConfig({ ...shared, DATABASE_URL: database.url }));
    orchestrator = await startOrchestrator(loadOrchestratorConfig(shared));
    nats = await connect({ servers: 'nats://127.0.0.1:4222' });
    rpc = new NatsRpc(nats, shared.NATS_PREFIX, 10_000);
  });

  afterAll(async () => {
    await nats?.drain();
    await orchestrator?.close();
    await network?.close();
    await database?.drop();
  });

  it('reports both services healthy', async () => {
    await expect(rpc.send(networkHealth, {})).resolves.toMatchObject({ status: 'up' });
    await expect(rpc.send(orchestratorHealth, {})).resolves.toMatchObject({ status: 'up' });
  });

  it('stores a CBO, starts its pipeline once, and keeps the stage the workflow reports', async () => {
    const { cbo, created } = await rpc.send(createCbo, { idempotencyKey: uniqueName('key'), draft });
    expect(created).toBe(true);
    expect(cbo).toMatchObject({ ...draft, stage: null });

    const first = await rpc.send(startPipeline, { cboId: cbo.id });
    const retry = await rpc.send(startPipeline, { cboId: cbo.id });
    expect(first).toEqual({ workflowId: `cbo-pipeline-${cbo.id}`, started: true });
    expect(retry).toEqual({ workflowId: first.workflowId, started: false });

    await expect(rpc.send(getPipeline, { cboId: cbo.id })).resolves.toMatchObject({ stage: 'identified' });
    const stored = await waitFor(
      async () => {
        const { cbo: current } = await rpc.send(getCbo, { id: cbo.id });
        return current.stage === 'identified' ? current : undefined;
      },
      { what: 'the identified stage to be recorded' },
    );
    expect(stored.stage).toBe('identified');
  });

  it('creates one CBO for one idempotency key, and refuses the key for another body', async () => {
    const key = uniqueName('key');
    const first = await rpc.send(createCbo, { idempotencyKey: key, draft });
    const again = await rpc.send(createCbo, { idempotencyKey: key, draft });
    expect(again).toEqual({ cbo: first.cbo, created: false });

    await expect(
      rpc.send(createCbo, { idempotencyKey: key, draft: { ...draft, name: 'Another group' } }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('answers a message that breaks the contract with VALIDATION_FAILED naming the field', async () => {
    // A caller that skips its own validation: the service still checks the contract.
    const careless = new NatsRpc(nats, shared.NATS_PREFIX, 10_000);
    const unchecked = {
      ...createCbo,
      request: createCbo.request.partial().passthrough(),
    } as unknown as typeof createCbo;
    const error = await careless
      .send(unchecked, { idempotencyKey: uniqueName('key'), draft: { ...draft, provinceCode: 'KH-99' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ path: 'draft.provinceCode' })] },
    });
  });

  it('says NOT_FOUND for a CBO that does not exist', async () => {
    await expect(rpc.send(getCbo, { id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
