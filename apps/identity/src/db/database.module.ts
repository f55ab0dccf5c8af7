import { Inject, Injectable } from '@nestjs/common';
import { databaseModule as platformDatabaseModule, type Database } from '@bandanh/platform';
import * as schema from './schema';

export const IDENTITY_DB = Symbol('IDENTITY_DB');
export type IdentityDatabase = Database<typeof schema>;
export type Db = IdentityDatabase['db'];
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A repository method runs on the pool or inside a caller's transaction. */
export type Executor = Db | Tx;

/**
 * Runs a service's steps in one transaction: the service hands the transaction to each
 * repository call, so a change commits with its audit entry or not at all.
 */
@Injectable()
export class Transactions {
  constructor(@Inject(IDENTITY_DB) private readonly database: IdentityDatabase) {}

  run<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    return this.database.db.transaction(work);
  }
}

/** The service's connection to its own schema (closed on shutdown), and its transactions. */
export function databaseModule(url: string, max?: number) {
  const base = platformDatabaseModule(IDENTITY_DB, url, schema, max);
  return {
    ...base,
    providers: [...(base.providers ?? []), Transactions],
    exports: [...(base.exports ?? []), Transactions],
  };
}
