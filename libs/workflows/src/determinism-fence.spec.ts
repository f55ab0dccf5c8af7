import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const workflowFile = join(__dirname, 'cbo-pipeline/workflow.ts');

/** Lints `code` as if it were a workflow file, with the workspace's real ESLint config. */
async function ruleIdsFor(code: string): Promise<string[]> {
  const run = spawnSync(
    join(root, 'node_modules/.bin/eslint'),
    ['--stdin', '--stdin-filename', workflowFile, '--format', 'json'],
    { cwd: root, input: code, encoding: 'utf8' },
  );
  if (!run.stdout) throw new Error(`eslint did not run: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as Array<{
    messages: Array<{ ruleId: string | null; message: string }>;
  }>;
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('the lint fence around workflow code', () => {
  it('refuses Node built-ins and any package but the workflow SDK and the contracts', async () => {
    const ids = await ruleIdsFor(
      "import { readFileSync } from 'node:fs';\nimport { z } from 'zod';\nexport const x = [readFileSync, z];\n",
    );
    expect(ids.filter((id) => id === 'no-restricted-imports')).toHaveLength(2);
  });

  it('refuses the wall clock, Math.random, timers and floating promises', async () => {
    const ids = await ruleIdsFor(
      [
        "import { sleep } from '@temporalio/workflow';",
        'export function wf() {',
        '  const a = Date.now() + Math.random();',
        '  setTimeout(() => a, 1);',
        "  sleep('1 second');",
        '}',
        '',
      ].join('\n'),
    );
    expect(ids).toEqual(
      expect.arrayContaining([
        'no-restricted-properties',
        'no-restricted-globals',
        '@typescript-eslint/no-floating-promises',
      ]),
    );
  });

  it('lets the workflow SDK and the contracts through', async () => {
    const ids = await ruleIdsFor(
      "import { sleep } from '@temporalio/workflow';\nimport { PIPELINE_STAGES } from '@bandanh/contracts';\nexport async function wf() {\n  await sleep('1 second');\n  return PIPELINE_STAGES;\n}\n",
    );
    expect(ids).toEqual([]);
  });
});
