// `@bandanh/contracts/constants`: the contracts' plain lists, with no zod and no schema, for code
// that ships to a browser (the web's client components). The schemas build on these same lists,
// and the package's main entry exports them too.
export * from './assessment';
export * from './cbo';
export * from './expansion';
export * from './hotline';
export * from './roles';
export * from './training';
export * from './grants';
export * from './duration';
export * from './digits';
