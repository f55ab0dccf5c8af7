// Lint for the whole workspace. The package boundaries are rules, so nobody has to remember them:
// apps import libs, a lib never imports an app, and workflow code imports nothing but the
// Temporal workflow SDK and the contracts, and stays deterministic.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noAppImports = {
  group: [
    '**/apps/**',
    '@bandanh/gateway',
    '@bandanh/grants',
    '@bandanh/network',
    '@bandanh/orchestrator',
    '@bandanh/training',
    '@bandanh/web',
  ],
  message: 'A lib never imports an app.',
};

const byPackageName = {
  regex: '^(\\.\\./)+(\\.\\./)?(apps|libs)/',
  message: 'Import another package by its name (@bandanh/...), never by a path into it.',
};

// The house shape: a feature's repository is the only code that knows the database.
const drizzleInRepositories = {
  group: ['drizzle-orm', 'drizzle-orm/*'],
  message:
    'Only a *.repository.ts (or src/db/) imports drizzle-orm: rules go in the .service.ts, queries in the repository.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next/**',
      '**/.next-*/**',
      '**/dist/**',
      '.tools/**',
      '.data/**',
      '**/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.browser-spec.ts', '**/test/**/*.ts', 'infra/jest/*.js'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noAppImports, drizzleInRepositories] }] },
  },
  {
    // The database library's own code and tests.
    files: ['libs/*/src/db/**/*.ts', 'libs/platform/test/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noAppImports] }] },
  },
  {
    files: ['apps/*/src/**/*.ts', 'apps/*/src/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [byPackageName, drizzleInRepositories] }] },
  },
  {
    files: ['apps/*/src/**/*.repository.ts', 'apps/*/src/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [byPackageName] }] },
  },
  {
    files: ['libs/workflows/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!@temporalio/workflow$|@bandanh/contracts(/constants)?$|\\.{1,2}/)',
              message:
                'Workflow code imports only @temporalio/workflow, @bandanh/contracts (or its plain /constants) and its own files.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'Use the workflow clock: workflow code must be deterministic.',
        },
        { object: 'Math', property: 'random', message: 'Use uuid4() from @temporalio/workflow.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use sleep() in a loop from @temporalio/workflow.' },
        { name: 'process', message: 'Workflow code cannot read the process.' },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
);
