export * from './contract';
export * from './errors';
export * from './health';
export * from './network/provinces';
export * from './network/cbo';
export * from './orchestrator/pipeline';
export * from './identity/caller';
export * from './identity/identity';
