import { startPipeline } from '@bandanh/contracts';
import type { NetworkOutbox } from '../outbox/network-outbox';
import type { NetworkDatabase } from './database.module';
import { NetworkRepository, escapeLike, type NetworkExecutor } from './repository';

/** A repository whose one query tells which executor it ran on. */
class Probe extends NetworkRepository {
  constructor(database: NetworkDatabase, outbox?: NetworkOutbox) {
    super(database, outbox);
  }

  where(): NetworkExecutor {
    return this.db;
  }

  start(cboId: string): Promise<void> {
    return this.enqueue(startPipeline, { cboId });
  }
}

/** An executor that takes any insert. */
function executor(): NetworkExecutor {
  return { insert: jest.fn(() => ({ values: jest.fn(async () => []) })) } as unknown as NetworkExecutor;
}

function world() {
  const pool = executor();
  const tx = executor();
  const database = {
    db: Object.assign(pool, { transaction: jest.fn((work: (tx: NetworkExecutor) => unknown) => work(tx)) }),
  } as unknown as NetworkDatabase;
  const outbox = { kick: jest.fn() } as unknown as NetworkOutbox;
  return { pool, tx, outbox, repository: new Probe(database, outbox) };
}

describe('a repository', () => {
  it('runs on the pool, and within a transaction on the transaction', async () => {
    const { pool, tx, repository } = world();
    expect(repository.where()).toBe(pool);
    await expect(repository.transaction(async (bound) => bound.where())).resolves.toBe(tx);
    expect(repository.where()).toBe(pool);
  });

  it('sends what a transaction enqueued once it has committed, and nothing otherwise', async () => {
    const { tx, outbox, repository } = world();
    await repository.transaction(async () => {});
    expect(outbox.kick).not.toHaveBeenCalled();
    await repository.transaction(async (bound) => {
      await bound.start('33333333-3333-4333-8333-333333333333');
      expect(outbox.kick).not.toHaveBeenCalled();
    });
    expect(tx.insert).toHaveBeenCalledTimes(1);
    expect(outbox.kick).toHaveBeenCalledTimes(1);
    await repository.transaction(async () => {});
    expect(outbox.kick).toHaveBeenCalledTimes(1);
  });

  it('sends nothing when the transaction fails', async () => {
    const { outbox, repository } = world();
    const failed = repository.transaction(async (bound) => {
      await bound.start('33333333-3333-4333-8333-333333333333');
      throw new Error('rolled back');
    });
    await expect(failed).rejects.toThrow('rolled back');
    expect(outbox.kick).not.toHaveBeenCalled();
  });
});

describe('escaping LIKE', () => {
  it('makes the wildcards mean themselves', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
