import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { TestStack } from './stack';

const REPO = join(__dirname, '../../..');

/** `pnpm db:seed` against this stack's gateway and database: its exit code and what it printed. */
function seed(stack: TestStack): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'infra/scripts/seed.ts'], {
      cwd: REPO,
      env: { ...process.env, ...stack.env, GATEWAY_URL: stack.gatewayUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

// npm start seeds the demo data through the API: every rule the API gains must keep it loading.
describe('the demo data (pnpm db:seed)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start('seed');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('loads through the API, and a second run creates nothing twice', async () => {
    const first = await seed(stack);
    expect(first.output).toMatch(/demo network: [1-9]\d* CBOs created, 0 already there/);
    expect(first.code).toBe(0);

    const again = await seed(stack);
    expect(again.output).toMatch(/demo network: 0 CBOs created, [1-9]\d* already there/);
    expect(again.code).toBe(0);
  });
});
