import { databaseModule as platformDatabaseModule, type Database } from '@bandanh/platform';
import * as schema from './schema';

export const TRAINING_DB = Symbol('TRAINING_DB');
export type TrainingDatabase = Database<typeof schema>;

/** The service's connection to its own schema, closed on shutdown. */
export function databaseModule(url: string, max?: number) {
  return platformDatabaseModule(TRAINING_DB, url, schema, max);
}
