import type { TrainingOutbox } from '../outbox/training-outbox';
import type { TrainingDatabase } from './database.module';
import { TrainingRepository, type TrainingExecutor } from './repository';

/** A repository whose one query tells which executor it ran on. */
class Probe extends TrainingRepository {
  constructor(database: TrainingDatabase, outbox?: TrainingOutbox) {
    super(database, outbox);
  }

  where(): TrainingExecutor {
    return this.db;
  }

  record(id: string): Promise<void> {
    return this.audit({
      action: 'training.module.create',
      target: { type: 'training_module', id },
      actor: null,
      eventId: `training.module.create:${id}`,
    });
  }
}

/** An executor that takes any insert. */
function executor(): TrainingExecutor {
  return { insert: jest.fn(() => ({ values: jest.fn(async () => []) })) } as unknown as TrainingExecutor;
}

function world() {
  const pool = executor();
  const tx = executor();
  const database = {
    db: Object.assign(pool, { transaction: jest.fn((work: (tx: TrainingExecutor) => unknown) => work(tx)) }),
  } as unknown as TrainingDatabase;
  const outbox = { kick: jest.fn() } as unknown as TrainingOutbox;
  return { pool, tx, outbox, repository: new Probe(database, outbox) };
}

describe('a training repository', () => {
  it('runs on the pool, and within a transaction on the transaction', async () => {
    const { pool, tx, repository } = world();
    expect(repository.where()).toBe(pool);
    await expect(repository.transaction(async (bound) => bound.where())).resolves.toBe(tx);
    expect(repository.where()).toBe(pool);
  });

  it('writes an audit entry into the outbox of the transaction, sent once it has committed', async () => {
    const { pool, tx, outbox, repository } = world();
    await repository.transaction(async (bound) => {
      await bound.record('advocacy');
      expect(outbox.kick).not.toHaveBeenCalled();
    });
    expect(tx.insert).toHaveBeenCalledTimes(1);
    expect(pool.insert).not.toHaveBeenCalled();
    expect(outbox.kick).toHaveBeenCalledTimes(1);
  });

  it('sends nothing when the transaction fails', async () => {
    const { outbox, repository } = world();
    const failed = repository.transaction(async (bound) => {
      await bound.record('advocacy');
      throw new Error('rolled back');
    });
    await expect(failed).rejects.toThrow('rolled back');
    expect(outbox.kick).not.toHaveBeenCalled();
  });
});
