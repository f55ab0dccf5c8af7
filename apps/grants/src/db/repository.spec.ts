import type { GrantsOutbox } from '../outbox/grants-outbox';
import type { GrantsDatabase } from './database.module';
import { GrantsRepository, type GrantsExecutor } from './repository';

/** A repository whose one query tells which executor it ran on. */
class Probe extends GrantsRepository {
  constructor(database: GrantsDatabase, outbox?: GrantsOutbox) {
    super(database, outbox);
  }

  where(): GrantsExecutor {
    return this.db;
  }

  record(id: string): Promise<void> {
    return this.audit({
      action: 'grants.round.create',
      target: { type: 'grant_round', id },
      actor: null,
      eventId: `grants.round.create:${id}`,
    });
  }
}

/** An executor that takes any insert. */
function executor(): GrantsExecutor {
  return { insert: jest.fn(() => ({ values: jest.fn(async () => []) })) } as unknown as GrantsExecutor;
}

function world() {
  const pool = executor();
  const tx = executor();
  const database = {
    db: Object.assign(pool, { transaction: jest.fn((work: (tx: GrantsExecutor) => unknown) => work(tx)) }),
  } as unknown as GrantsDatabase;
  const outbox = { kick: jest.fn() } as unknown as GrantsOutbox;
  return { pool, tx, outbox, repository: new Probe(database, outbox) };
}

describe('a grants repository', () => {
  it('runs on the pool, and within a transaction on the transaction', async () => {
    const { pool, tx, repository } = world();
    expect(repository.where()).toBe(pool);
    await expect(repository.transaction(async (bound) => bound.where())).resolves.toBe(tx);
    expect(repository.where()).toBe(pool);
  });

  it('writes an audit entry into the outbox of the transaction, sent once it has committed', async () => {
    const { pool, tx, outbox, repository } = world();
    await repository.transaction(async (bound) => {
      await bound.record('11111111-1111-4111-8111-111111111111');
      expect(outbox.kick).not.toHaveBeenCalled();
    });
    expect(tx.insert).toHaveBeenCalledTimes(1);
    expect(pool.insert).not.toHaveBeenCalled();
    expect(outbox.kick).toHaveBeenCalledTimes(1);
  });

  it('sends nothing when the transaction fails', async () => {
    const { outbox, repository } = world();
    const failed = repository.transaction(async (bound) => {
      await bound.record('11111111-1111-4111-8111-111111111111');
      throw new Error('rolled back');
    });
    await expect(failed).rejects.toThrow('rolled back');
    expect(outbox.kick).not.toHaveBeenCalled();
  });
});
