import { databaseModule as platformDatabaseModule, type Database } from '@bandanh/platform';
import * as schema from './schema';

export const GRANTS_DB = Symbol('GRANTS_DB');
export type GrantsDatabase = Database<typeof schema>;

/** The service's connection to its own schema, closed on shutdown. */
export function databaseModule(url: string, max?: number) {
  return platformDatabaseModule(GRANTS_DB, url, schema, max);
}
