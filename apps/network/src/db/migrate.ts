import { join } from 'node:path';
import { runMigrations } from '@bandanh/platform';

/** Applies the network service's migrations to its own schema. */
export function migrateNetwork(url: string): Promise<void> {
  return runMigrations({ url, schema: 'network', migrationsFolder: join(__dirname, '../../drizzle') });
}
