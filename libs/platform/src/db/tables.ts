// The tables every service keeps in its own schema (importable by drizzle-kit, without Nest).
export * from './idempotency';
export * from './outbox-table';
