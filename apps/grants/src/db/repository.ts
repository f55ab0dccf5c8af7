import { ServiceRepository, type KeyedCommand, type ServiceExecutor } from '@bandanh/platform';
import type { GrantsOutbox } from '../outbox/grants-outbox';
import type { GrantsDatabase } from './database.module';
import { idempotencyKeys, outbox } from './schema';

export type { KeyedCommand };

/** Where a repository's statements run: the pool, or one transaction. */
export type GrantsExecutor = ServiceExecutor<GrantsDatabase>;

/** What every repository of the grants service shares (`ServiceRepository` in the platform). */
export abstract class GrantsRepository extends ServiceRepository<GrantsDatabase> {
  protected constructor(database: GrantsDatabase, relay?: GrantsOutbox) {
    super(database, { outbox, idempotencyKeys }, relay);
  }
}
