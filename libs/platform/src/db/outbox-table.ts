import { integer, jsonb, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';

/**
 * The transactional outbox (docs/decisions/0001-create-and-start.md): a service that creates a
 * record whose workflow must start writes the start command into this table in the same
 * transaction as the record. A relay in the same service sends it, as the service itself,
 * until the owner answers; the command is idempotent there (the workflow id comes from the
 * record's id), so a relay that dies after sending and sends again starts nothing twice.
 */
export function outboxTable(schema: PgSchema) {
  return schema.table('outbox', {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The contract's subject, without the deployment prefix. */
    subject: text('subject').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  });
}
export type OutboxTable = ReturnType<typeof outboxTable>;
