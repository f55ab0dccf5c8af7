import { databaseModule as platformDatabaseModule, type Database } from '@bandanh/platform';
import * as schema from './schema';

export const ORCHESTRATOR_DB = Symbol('ORCHESTRATOR_DB');
export type OrchestratorDatabase = Database<typeof schema>;

/** The orchestrator's connection to its own schema (the staff inbox), closed on shutdown. */
export function databaseModule(url: string, max?: number) {
  return platformDatabaseModule(ORCHESTRATOR_DB, url, schema, max);
}
