import { pgSchema } from 'drizzle-orm/pg-core';
import type { Database } from './database';
import { idempotencyTable } from './idempotency';
import { outboxTable } from './outbox-table';
import { ServiceRepository, type OutboxKick, type ServiceExecutor } from './service-repository';

const probe = pgSchema('probe');
const tables = { outbox: outboxTable(probe), idempotencyKeys: idempotencyTable(probe) };
type ProbeDatabase = Database<Record<string, never>>;
type ProbeExecutor = ServiceExecutor<ProbeDatabase>;

/** A repository whose one query tells which executor it ran on. */
class Probe extends ServiceRepository<ProbeDatabase> {
  constructor(database: ProbeDatabase, relay?: OutboxKick) {
    super(database, tables, relay);
  }

  where(): ProbeExecutor {
    return this.db;
  }

  record(id: string): Promise<void> {
    return this.audit({
      action: 'probe.thing.create',
      target: { type: 'thing', id },
      actor: null,
      eventId: `probe.thing.create:${id}`,
    });
  }
}

/** An executor that takes any insert and any statement, and finds nothing. */
function executor(): ProbeExecutor {
  return {
    insert: jest.fn(() => ({ values: jest.fn(async () => []) })),
    execute: jest.fn(async () => []),
    select: jest.fn(() => ({ from: () => ({ where: async () => [] }) })),
  } as unknown as ProbeExecutor;
}

function world() {
  const pool = executor();
  const tx = executor();
  const database = {
    db: Object.assign(pool, { transaction: jest.fn((work: (tx: ProbeExecutor) => unknown) => work(tx)) }),
  } as unknown as ProbeDatabase;
  const relay = { kick: jest.fn() };
  return { pool, tx, relay, repository: new Probe(database, relay) };
}

const id = '11111111-1111-4111-8111-111111111111';

describe('a service repository', () => {
  it('runs on the pool, and within a transaction on the transaction', async () => {
    const { pool, tx, repository } = world();
    expect(repository.where()).toBe(pool);
    await expect(repository.transaction(async (bound) => bound.where())).resolves.toBe(tx);
    expect(repository.where()).toBe(pool);
  });

  it('writes an audit entry into the outbox of the transaction, sent once it has committed', async () => {
    const { pool, tx, relay, repository } = world();
    await repository.transaction(async (bound) => {
      await bound.record(id);
      expect(relay.kick).not.toHaveBeenCalled();
    });
    expect(tx.insert).toHaveBeenCalledTimes(1);
    expect(tx.insert).toHaveBeenCalledWith(tables.outbox);
    expect(pool.insert).not.toHaveBeenCalled();
    expect(relay.kick).toHaveBeenCalledTimes(1);
  });

  it('sends what a transaction enqueued once it has committed, and nothing otherwise', async () => {
    const { relay, repository } = world();
    await repository.transaction(async () => {});
    expect(relay.kick).not.toHaveBeenCalled();
    await repository.transaction((bound) => bound.record(id));
    expect(relay.kick).toHaveBeenCalledTimes(1);
    await repository.transaction(async () => {});
    expect(relay.kick).toHaveBeenCalledTimes(1);
  });

  it('sends nothing when the transaction fails', async () => {
    const { relay, repository } = world();
    const failed = repository.transaction(async (bound) => {
      await bound.record(id);
      throw new Error('rolled back');
    });
    await expect(failed).rejects.toThrow('rolled back');
    expect(relay.kick).not.toHaveBeenCalled();
  });

  it('runs a keyed command on the transaction, remembers its answer and sends what it enqueued', async () => {
    const { pool, tx, relay, repository } = world();
    const command = { name: 'probe.thing.create', key: 'k1', request: { id } };
    const outcome = await repository.once(command, async (bound) => {
      expect(bound.where()).toBe(tx);
      await bound.record(id);
      return { id };
    });
    expect(outcome).toEqual({ result: { id }, replayed: false });
    expect(tx.insert).toHaveBeenCalledWith(tables.outbox);
    expect(tx.insert).toHaveBeenCalledWith(tables.idempotencyKeys);
    expect(pool.insert).not.toHaveBeenCalled();
    expect(relay.kick).toHaveBeenCalledTimes(1);
  });

  it('takes a named lock on the transaction', async () => {
    const { pool, tx, repository } = world();
    await repository.transaction((bound) => bound.lock('probe:1'));
    expect(tx.execute).toHaveBeenCalledTimes(1);
    expect(pool.execute).not.toHaveBeenCalled();
  });
});
