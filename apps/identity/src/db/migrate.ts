import { join } from 'node:path';
import { runMigrations } from '@bandanh/platform';

/** Applies the identity service's migrations to its own schema. */
export function migrateIdentity(url: string): Promise<void> {
  return runMigrations({ url, schema: 'identity', migrationsFolder: join(__dirname, '../../drizzle') });
}
