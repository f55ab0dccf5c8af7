import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

export interface MigrationTarget {
  url: string;
  /** The PostgreSQL schema the service owns; its migrations table lives there too. */
  schema: string;
  migrationsFolder: string;
}

/**
 * Applies a service's committed migrations to its own schema. An advisory lock per schema
 * lets several replicas start at once without applying anything twice.
 */
export async function runMigrations({ url, schema, migrationsFolder }: MigrationTarget): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(hashtext(${'migrate:' + schema}))`;
    await migrate(drizzle(sql), {
      migrationsFolder,
      migrationsSchema: schema,
      migrationsTable: '__migrations',
    });
    await sql`select pg_advisory_unlock(hashtext(${'migrate:' + schema}))`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
