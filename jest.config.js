// One jest run, three projects: unit rules, integration against the real infrastructure, and the browser.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  testEnvironment: 'node',
  // .mjs too: the ES-module-only packages below ship some files as .mjs.
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // jose, intl-messageformat (with its @formatjs parts) and the tus server (@tus/*, srvx) ship
  // ES modules only: compiled to CommonJS like our own code (Node 20's jest cannot require them).
  transformIgnorePatterns: [
    '/node_modules/(?!(\\.pnpm/(jose|intl-messageformat|srvx|@formatjs\\+[^/@]+|@tus\\+[^/@]+)@[^/]+/node_modules/)?(jose|intl-messageformat|srvx|@formatjs|@tus)/)',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/\\.next', '/dist/'],
  // The web's import alias (apps/web/tsconfig.json): `@/lib/...` is `apps/web/src/lib/...`.
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/apps/web/src/$1' },
};

/** @type {import('jest').Config} */
module.exports = {
  // The workflows bundled once for every test stack and workflow test of the run.
  globalSetup: '<rootDir>/infra/jest/global-setup.js',
  globalTeardown: '<rootDir>/infra/jest/global-teardown.js',
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: ['<rootDir>/libs', '<rootDir>/apps'],
      testMatch: ['**/src/**/*.spec.ts', '**/src/**/*.spec.tsx'],
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, '\\.workflow\\.spec\\.ts$'],
    },
    {
      ...common,
      displayName: 'integration',
      roots: ['<rootDir>/libs', '<rootDir>/apps'],
      testMatch: ['**/test/**/*.e2e-spec.ts', '**/*.workflow.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/infra/jest/integration.setup.js'],
    },
    {
      ...common,
      displayName: 'browser',
      roots: ['<rootDir>/apps/web'],
      testMatch: ['**/test/**/*.browser-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/infra/jest/browser.setup.js'],
    },
  ],
};
