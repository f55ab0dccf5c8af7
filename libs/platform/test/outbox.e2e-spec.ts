import { drizzle } from 'drizzle-orm/postgres-js';
import { pgSchema } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { appendAudit, appendAuditEntries, startPipeline, type Contract } from '@bandanh/contracts';
import { AUDIT_OUTBOX_BATCH } from '../src/audit/audit-entry';
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

  it('looks at an empty outbox with one statement, and a single command with one sender', async () => {
    const statements: string[] = [];
    const sql = postgres(testDb.url, {
      max: 4,
      onnotice: () => {},
      // Unprepared, so a statement new to a connection is not seen twice (described, then run).
      prepare: false,
      // The relay's statements (not the driver's own look at the types when it connects).
      debug: (_connection, query) => {
        if (/"relay"\."outbox"|^(begin|commit)$/.test(query.trim())) {
          statements.push(query.trim().split(/\s+/)[0].toLowerCase());
        }
      },
    });
    const orchestrator = slowOrchestrator(10);
    const relay = new OutboxRelay({
      service: 'network',
      db: drizzle(sql),
      table: outbox,
      rpc: orchestrator.rpc,
      contracts: [startPipeline],
      pollMs: 60_000,
      concurrency: 4,
    });
    const settled = (count: number) =>
      waitFor(async () => (statements.length >= count ? true : undefined), {
        timeoutMs: 5_000,
        what: `${count} statements`,
      });
    try {
      relay.start();
      await settled(1);
      relay.kick();
      await settled(2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Two looks, one statement each: no transaction is opened for nothing.
      expect(statements).toEqual(['select', 'select']);

      statements.length = 0;
      await enqueue(database.db, outbox, startPipeline, { cboId: '00000000-0000-4000-8000-00000000abcd' });
      relay.kick();
      await waitFor(async () => (orchestrator.sent.length === 1 ? true : undefined), {
        timeoutMs: 5_000,
        what: 'the command sent',
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      // One transaction, the claim's: a look, the claim, and the second sender the claim started
      // looks and finds nothing (and so may the first, if it is done first), ending the round. Not
      // four senders each opening transactions to look.
      const count = (kind: string) => statements.filter((statement) => statement === kind).length;
      expect({ begin: count('begin'), update: count('update'), commit: count('commit') }).toEqual({
        begin: 1,
        update: 1,
        commit: 1,
      });
      expect(count('select')).toBeGreaterThanOrEqual(3);
      expect(count('select')).toBeLessThanOrEqual(4);
      expect(statements).toHaveLength(count('select') + 3);
    } finally {
      await relay.stop();
      await sql.end({ timeout: 5 });
    }
  });

  it('sends audit entries together, in order, apart from other commands; a failed batch goes one by one', async () => {
    await database.sql`delete from relay.outbox`;
    const calls: { subject: string; payload: any }[] = [];
    const rpc = {
      async send(contract: Contract, payload: unknown) {
        calls.push({ subject: contract.subject, payload });
        if (contract === appendAuditEntries) throw new Error('identity is restarting');
        return {};
      },
    } as unknown as NatsRpc;
    const entry = (targetId: string) => ({ action: 'cbo.recorded', outcome: 'success' as const, targetId });
    for (const id of ['1', '2', '3']) await enqueue(database.db, outbox, appendAudit, entry(id));
    await enqueue(database.db, outbox, startPipeline, { cboId: '00000000-0000-4000-8000-0000000000aa' });
    for (const id of ['4', '5']) await enqueue(database.db, outbox, appendAudit, entry(id));
    const relay = new OutboxRelay({
      service: 'network',
      db: database.db,
      table: outbox,
      rpc,
      contracts: [startPipeline, appendAudit],
      batches: [AUDIT_OUTBOX_BATCH],
      pollMs: 60_000,
      maxBackoffMs: 1,
      concurrency: 1,
    });
    const left = async () => {
      const [{ count }] = await database.sql<{ count: number }[]>`
        select count(*)::int as count from relay.outbox where delivered_at is null`;
      return count;
    };
    relay.start();
    try {
      await waitFor(async () => ((await left()) === 0 ? true : undefined), {
        what: 'every command delivered',
      });
    } finally {
      await relay.stop();
    }
    // First, all five entries in one request, in their order (the oldest command is an entry).
    expect(calls[0]).toEqual({
      subject: appendAuditEntries.subject,
      payload: { entries: ['1', '2', '3', '4', '5'].map(entry) },
    });
    // The pipeline's start on its own, once; refused as a batch, the entries went one by one.
    const rest = calls.slice(1);
    expect(rest.filter(({ subject }) => subject === startPipeline.subject)).toHaveLength(1);
    expect(rest.filter(({ subject }) => subject === appendAuditEntries.subject)).toHaveLength(0);
    const singles = rest.filter(({ subject }) => subject === appendAudit.subject);
    expect(singles.map(({ payload }) => payload.targetId)).toEqual(['1', '2', '3', '4', '5']);
  });
});
