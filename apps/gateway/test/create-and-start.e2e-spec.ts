import { Client, Connection } from '@temporalio/client';
import postgres from 'postgres';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { STAFF, TestStack } from './stack';

/**
 * Creating a record and starting its workflow is one durable step: the network service writes
 * the start into its outbox in the record's transaction, and its relay sends it until the
 * orchestrator answers (docs/decisions/0001-create-and-start.md).
 */
describe('create and start, when a process dies between the two halves', () => {
  let stack: TestStack;
  let temporal: Connection;

  beforeAll(async () => {
    stack = await TestStack.start('create-start');
    temporal = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  });

  afterAll(async () => {
    await temporal?.close();
    await stack?.stop();
  });

  const api = async (path: string, init: { token?: string; key?: string; json?: unknown } = {}) => {
    const response = await fetch(`${stack.gatewayUrl}${path}`, {
      method: init.json === undefined ? 'GET' : 'POST',
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.key ? { 'idempotency-key': init.key } : {}),
      },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  const executions = async (workflowId: string) => {
    const client = new Client({ connection: temporal });
    let count = 0;
    for await (const _ of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) count += 1;
    return count;
  };

  it('starts the pipeline of a recorded CBO and of a public application exactly once, after a crash in between', async () => {
    const coordinator = await stack.tokenFor(STAFF.coordinator);
    // The orchestrator is down: the records commit, their starts wait in the outbox.
    await stack.stopService('orchestrator');
    const recorded = await api('/api/cbos', {
      token: coordinator,
      key: uniqueName('key'),
      json: {
        name: 'Outbox River Keepers',
        provinceCode: 'KH-2',
        focusIssues: ['fisheries'],
        foundVia: 'field_visit',
      },
    });
    expect(recorded.status).toBe(201);
    const applied = await api('/api/applications', {
      key: uniqueName('key'),
      json: {
        name: 'Outbox Land Defenders',
        provinceCode: 'KH-2',
        focusIssues: ['land'],
        contacts: [{ name: 'Sok Chea', phone: '012 111 222' }],
      },
    });
    expect(applied.status).toBe(201);

    // Every process dies before the starts were sent, and comes back.
    await stack.restart();

    const ids = [recorded.body.cbo.id as string, applied.body.cbo.id as string];
    const token = await stack.tokenFor(STAFF.coordinator);
    for (const id of ids) {
      const cbo = await waitFor(
        async () => {
          const { body } = await api(`/api/cbos/${id}`, { token });
          return body.cbo?.stage === 'assessment' ? body.cbo : undefined;
        },
        { what: `the pipeline of ${id} to reach assessment`, timeoutMs: 30_000 },
      );
      expect(cbo.stage).toBe('assessment');
      await waitFor(async () => ((await executions(`cbo-pipeline-${id}`)) > 0 ? true : undefined));
      expect(await executions(`cbo-pipeline-${id}`)).toBe(1);
    }

    const sql = postgres(stack.database.url, { max: 1, onnotice: () => {} });
    try {
      const rows = await sql<{ cbo: string; delivered: boolean; attempts: number }[]>`
        select payload->>'cboId' as cbo, delivered_at is not null as delivered, attempts
        from network.outbox where subject = 'orchestrator.pipeline.start'`;
      for (const id of ids) {
        const mine = rows.filter((row) => row.cbo === id);
        expect(mine).toHaveLength(1);
        expect(mine[0].delivered).toBe(true);
        // The first attempt found no orchestrator; a later one delivered it.
        expect(mine[0].attempts).toBeGreaterThan(1);
      }
    } finally {
      await sql.end();
    }
  }, 90_000);
});
