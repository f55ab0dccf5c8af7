export * from './database';
export * from './migrate';
export * from './idempotency';
export * from './database.module';
export * from './outbox-table';
export * from './outbox';
export * from './service-repository';
