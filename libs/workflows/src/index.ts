// What callers (the orchestrator) import: names, signals, queries, updates and the activities'
// interfaces. The worker's bundle entry is `workflows.ts`.
export * from './shared/definitions';
export * from './cbo-pipeline/definitions';
export * from './referral/definitions';
export * from './expansion/definitions';
export * from './notification/definitions';
export * from './training-session/definitions';
export * from './grant-application/definitions';
