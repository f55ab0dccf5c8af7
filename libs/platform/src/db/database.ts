import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';

export interface Database<TSchema extends Record<string, unknown> = Record<string, never>> {
  sql: Sql;
  db: PostgresJsDatabase<TSchema>;
  close(): Promise<void>;
}

/** The drizzle connection on postgres.js that a service uses for its own schema. */
export function createDatabase<TSchema extends Record<string, unknown>>(
  url: string,
  schema: TSchema,
  options: { max?: number } = {},
): Database<TSchema> {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // A statement prepared once (a repository's `.prepare(name)`) is still planned for the values
    // of each run, as an unnamed one is: a generic plan could serve a rare name with a plan made
    // for no name at all.
    connection: { plan_cache_mode: 'force_custom_plan' },
  });
  const db = drizzle(sql, { schema });
  return { sql, db, close: () => sql.end({ timeout: 5 }) };
}
