import { databaseModule as platformDatabaseModule, type Database } from '@bandanh/platform';
import * as schema from './schema';

export const IDENTITY_DB = Symbol('IDENTITY_DB');
export type IdentityDatabase = Database<typeof schema>;
export type Db = IdentityDatabase['db'];
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A repository method runs on the pool or inside a caller's transaction. */
export type Executor = Db | Tx;

/** The service's connection to its own schema, closed on shutdown. */
export function databaseModule(url: string) {
  return platformDatabaseModule(IDENTITY_DB, url, schema);
}
