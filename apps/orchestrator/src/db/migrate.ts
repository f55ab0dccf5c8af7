import { join } from 'node:path';
import { runMigrations } from '@bandanh/platform';

/** Applies the orchestrator's migrations (the staff inbox) to its own schema. */
export function migrateOrchestrator(url: string): Promise<void> {
  return runMigrations({ url, schema: 'orchestrator', migrationsFolder: join(__dirname, '../../drizzle') });
}
