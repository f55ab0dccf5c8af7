export * from './tokens';
export * from './secret-box';
