import { databaseModule as platformDatabaseModule, type Database } from '@bandanh/platform';
import * as schema from './schema';

export const NETWORK_DB = Symbol('NETWORK_DB');
export type NetworkDatabase = Database<typeof schema>;

/** The service's connection to its own schema, closed on shutdown. */
export function databaseModule(url: string, max?: number) {
  return platformDatabaseModule(NETWORK_DB, url, schema, max);
}
