import { join } from 'node:path';
import { runMigrations } from '@bandanh/platform';

/** Applies the training service's migrations to its own schema. */
export function migrateTraining(url: string): Promise<void> {
  return runMigrations({ url, schema: 'training', migrationsFolder: join(__dirname, '../../drizzle') });
}
