import { join } from 'node:path';
import { runMigrations } from '@bandanh/platform';

/** Applies the grants service's migrations to its own schema. */
export function migrateGrants(url: string): Promise<void> {
  return runMigrations({ url, schema: 'grants', migrationsFolder: join(__dirname, '../../drizzle') });
}
