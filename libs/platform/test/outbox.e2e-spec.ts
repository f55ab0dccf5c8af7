import { pgSchema } from 'drizzle-orm/pg-core';
import { startPipeline, type Contract } from '@bandanh/contracts';
import { OutboxRelay, createDatabase, enqueue, outboxTable, type Database } from '../src/db';
import type { NatsRpc } from '../src/nats/nats-rpc';
import { createTestDatabase, waitFor, type TestDatabase } from '../src/testing';

const schema = pgSchema('relay');
const outbox = outboxTable(schema);

/** A stand-in for the orchestrator: answers each command after a while, counting how many wait at once. */
function slowOrchestrator(answerAfterMs: number) {
  const sent: unknown[] = [];
  let inFlight = 0;
  let mostAtOnce = 0;
  const rpc = {
    async send(_contract: Contract, payload: unknown) {
      inFlight++;
      mostAtOnce = Math.max(mostAtOnce, inFlight);
      await new Promise((resolve) => setTimeout(resolve, answerAfterMs));
      inFlight--;
      sent.push(payload);
      return {};
    },
  };
  return { rpc: rpc as unknown as NatsRpc, sent, mostAtOnce: () => mostAtOnce };
}

describe('the outbox relay', () => {
  let testDb: TestDatabase;
  let database: Database<Record<string, unknown>>;

  beforeAll(async () => {
    testDb = await createTestDatabase('outbox');
    database = createDatabase(testDb.url, {});
    await database.sql.unsafe(`
      create schema relay;
      create table relay.outbox (
        id uuid primary key default gen_random_uuid(),
        subject text not null,
        payload jsonb not null,
        created_at timestamptz not null default now(),
        attempts integer not null default 0,
        next_attempt_at timestamptz not null default now(),
        last_error text,
        delivered_at timestamptz
      );`);
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('sends a burst of commands side by side, each exactly once', async () => {
    const cboIds = Array.from(
      { length: 12 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    for (const cboId of cboIds) await enqueue(database.db, outbox, startPipeline, { cboId });
    const orchestrator = slowOrchestrator(100);
    const relay = new OutboxRelay({
      service: 'network',
      db: database.db,
      table: outbox,
      rpc: orchestrator.rpc,
      contracts: [startPipeline],
      pollMs: 60_000,
      concurrency: 4,
    });
    relay.start();
    try {
      await waitFor(
        async () => {
          const [{ left }] = await database.sql<{ left: number }[]>`
          select count(*)::int as left from relay.outbox where delivered_at is null`;
          return left === 0 ? true : undefined;
        },
        { timeoutMs: 10_000, what: 'every command delivered' },
      );
    } finally {
      await relay.stop();
    }
    expect(orchestrator.mostAtOnce()).toBe(4);
    expect(orchestrator.sent).toHaveLength(12);
    expect(new Set(orchestrator.sent.map((payload) => (payload as { cboId: string }).cboId))).toEqual(
      new Set(cboIds),
    );
    const rows = await database.sql<{ attempts: number }[]>`select attempts from relay.outbox`;
    expect(rows.map((row) => row.attempts)).toEqual(Array(12).fill(1));
  });
});
