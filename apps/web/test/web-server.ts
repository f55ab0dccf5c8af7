import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@bandanh/platform/testing';
import { freePort } from '../../gateway/test/tool-server';

const WEB_ROOT = join(__dirname, '..');
const NEXT = join(WEB_ROOT, 'node_modules/.bin/next');

/** The built web (`next start`), talking to the given gateway. Builds it first if it was never built. */
export async function startWeb(gatewayUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  if (!existsSync(join(WEB_ROOT, process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID'))) {
    const build = spawnSync(NEXT, ['build'], {
      cwd: WEB_ROOT,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0) throw new Error('next build failed');
  }
  const port = await freePort();
  const child: ChildProcess = spawn(NEXT, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: WEB_ROOT,
    env: { ...process.env, GATEWAY_URL: gatewayUrl, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`next start exited: ${output}`);
      const response = await fetch(`${url}/en`).catch(() => undefined);
      return response?.ok ? true : undefined;
    },
    { timeoutMs: 60_000, what: 'the web to answer' },
  );
  return {
    url,
    async stop() {
      if (child.exitCode !== null || !child.pid) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}
