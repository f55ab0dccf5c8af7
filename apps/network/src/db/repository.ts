import { ServiceRepository, type KeyedCommand, type ServiceExecutor } from '@bandanh/platform';
import type { NetworkOutbox } from '../outbox/network-outbox';
import type { NetworkDatabase } from './database.module';
import { idempotencyKeys, outbox } from './schema';

export type { KeyedCommand };

/** Where a repository's statements run: the pool, or one transaction. */
export type NetworkExecutor = ServiceExecutor<NetworkDatabase>;

/** What every repository of the network service shares (`ServiceRepository` in the platform). */
export abstract class NetworkRepository extends ServiceRepository<NetworkDatabase> {
  protected constructor(database: NetworkDatabase, relay?: NetworkOutbox) {
    super(database, { outbox, idempotencyKeys }, relay);
  }
}

/** Escapes LIKE's wildcards so a search for `50%` means the characters. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
