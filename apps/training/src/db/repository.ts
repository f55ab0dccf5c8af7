import { ServiceRepository, type KeyedCommand, type ServiceExecutor } from '@bandanh/platform';
import type { TrainingOutbox } from '../outbox/training-outbox';
import type { TrainingDatabase } from './database.module';
import { idempotencyKeys, outbox } from './schema';

export type { KeyedCommand };

/** Where a repository's statements run: the pool, or one transaction. */
export type TrainingExecutor = ServiceExecutor<TrainingDatabase>;

/** What every repository of the training service shares (`ServiceRepository` in the platform). */
export abstract class TrainingRepository extends ServiceRepository<TrainingDatabase> {
  protected constructor(database: TrainingDatabase, relay?: TrainingOutbox) {
    super(database, { outbox, idempotencyKeys }, relay);
  }
}
