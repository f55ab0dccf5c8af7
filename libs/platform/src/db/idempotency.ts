import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { jsonb, primaryKey, text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import stringify from 'safe-stable-stringify';
import { DomainError } from '../errors/domain-error';

/** The table where a service remembers the first answer to each keyed command. */
export function idempotencyTable(schema: PgSchema) {
  return schema.table(
    'idempotency_keys',
    {
      command: text('command').notNull(),
      key: text('key').notNull(),
      requestHash: text('request_hash').notNull(),
      response: jsonb('response').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [primaryKey({ columns: [t.command, t.key] })],
  );
}

export type IdempotencyTable = ReturnType<typeof idempotencyTable>;

type Db = PostgresJsDatabase<Record<string, unknown>>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function hashRequest(request: unknown): string {
  return createHash('sha256')
    .update(stringify(request) ?? '')
    .digest('hex');
}

/**
 * Runs a create command once per key. The command and the remembered answer commit in one
 * transaction; a retry with the same key and body gets the first answer, and the same key
 * with another body is refused. Concurrent retries wait for each other on an advisory lock.
 */
export async function runOnce<T>(
  db: Db,
  table: IdempotencyTable,
  command: { name: string; key: string; request: unknown },
  run: (tx: Tx) => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  const requestHash = hashRequest(command.request);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${command.name + ':' + command.key}))`);
    const [seen] = await tx
      .select()
      .from(table)
      .where(and(eq(table.command, command.name), eq(table.key, command.key)));
    if (seen) {
      if (seen.requestHash !== requestHash) {
        throw new DomainError(
          'IDEMPOTENCY_KEY_REUSED',
          'This idempotency key was already used for a different request',
          { key: command.key },
        );
      }
      return { result: seen.response as T, replayed: true };
    }
    const result = await run(tx);
    await tx.insert(table).values({
      command: command.name,
      key: command.key,
      requestHash,
      response: result as unknown,
    });
    return { result, replayed: false };
  });
}
