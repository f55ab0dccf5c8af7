export * from './cbo-pipeline/definitions';
