import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from '../src/testing/temporal-binary';
import { waitFor } from '../src/testing/wait-for';

/**
 * infra/scripts/supervise.ts, the supervisor of `npm start`, on two tiny fake apps: one
 * that exits after 200 ms, one that keeps running.
 */
const node = JSON.stringify(process.execPath);
const CRASH = `crash=${node} -e 'console.log("crash pid", process.pid); setTimeout(() => process.exit(3), 200)'`;
const STEADY = `steady=${node} -e 'console.log("steady pid", process.pid); setInterval(() => {}, 1000)'`;

interface Supervisor {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startSupervisor(args: string[]): Supervisor {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'infra/scripts/supervise.ts', ...args], {
    cwd: REPO_ROOT,
    // Its own process group, to check that nothing of it outlives it.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

const seen = (output: string, pattern: RegExp) => (pattern.test(output) ? true : undefined);

const pidsOf = (output: string, name: string) =>
  [...output.matchAll(new RegExp(`\\[${name}\\s*\\] ${name} pid (\\d+)`, 'g'))].map((m) => Number(m[1]));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Whether any process is left in the supervisor's process group. */
const groupAlive = (pgid: number) => alive(-pgid);

async function expectAllGone(supervisor: Supervisor, pids: number[]): Promise<void> {
  const pgid = supervisor.child.pid!;
  await waitFor(() => (groupAlive(pgid) ? undefined : true), {
    timeoutMs: 5_000,
    what: 'the group to be empty',
  });
  for (const pid of pids) expect(alive(pid)).toBe(false);
}

describe('the npm start supervisor', () => {
  const started: Supervisor[] = [];
  const supervisor = (args: string[]) => {
    const s = startSupervisor(args);
    started.push(s);
    return s;
  };

  afterEach(() => {
    // Whatever a failed test left behind.
    for (const s of started.splice(0)) {
      try {
        process.kill(-s.child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });

  it('restarts the app that exits, with a growing backoff, keeps the other one, and stops both on SIGINT', async () => {
    const s = supervisor(['--backoff-ms=200', CRASH, STEADY]);
    await waitFor(
      () => seen(s.output(), /\[crash\s*\] exited with code 3 after [\d.]+ s; restarting in 0\.4 s/),
      {
        timeoutMs: 10_000,
        what: `the second restart announced, in:\n${s.output()}`,
      },
    );
    const output = s.output();
    expect(output).toMatch(/\[crash\s*\] exited with code 3 after [\d.]+ s; restarting in 0\.2 s/);
    expect(output).toMatch(/\[crash\s*\] restarting: /);
    expect(pidsOf(output, 'crash').length).toBeGreaterThanOrEqual(2);
    // The steady app started once and still runs.
    const [steady, ...again] = pidsOf(output, 'steady');
    expect(again).toEqual([]);
    expect(alive(steady)).toBe(true);
    expect(output).not.toMatch(/\[steady\s*\] (exited|was killed)/);

    s.child.kill('SIGINT');
    await expect(s.exited).resolves.toBe(0);
    expect(s.output()).toMatch(/\[steady\s*\] stopped \(/);
    expect(s.output()).toContain('everything stopped');
    await expectAllGone(s, [...pidsOf(s.output(), 'crash'), steady]);
  });

  it('restarts nothing once SIGTERM came, not even an app whose backoff was running', async () => {
    const s = supervisor(['--backoff-ms=3000', CRASH, STEADY]);
    await waitFor(
      () => seen(s.output(), /\[crash\s*\] exited with code 3 after [\d.]+ s; restarting in 3 s/),
      {
        timeoutMs: 10_000,
        what: 'the first restart announced',
      },
    );
    const stopAsked = Date.now();
    s.child.kill('SIGTERM');
    await expect(s.exited).resolves.toBe(0);
    expect(Date.now() - stopAsked).toBeLessThan(2_500);
    const output = s.output();
    expect(output).not.toMatch(/restarting: /);
    expect(output).not.toMatch(/\[steady\s*\].*restarting in/);
    expect(pidsOf(output, 'steady')).toHaveLength(1);
    await expectAllGone(s, [...pidsOf(output, 'crash'), ...pidsOf(output, 'steady')]);
  });

  it('gives up and stops everything when an app never comes up (so npm start fails fast)', async () => {
    const s = supervisor(['--backoff-ms=100', '--start-tries=3', CRASH, STEADY]);
    await expect(s.exited).resolves.toBe(1);
    const output = s.output();
    expect(output).toMatch(/\[crash\s*\] exited with code 3 after [\d.]+ s: 3 exits in a row .*giving up/);
    expect(output).toMatch(/\[steady\s*\] stopped \(/);
    await expectAllGone(s, [...pidsOf(output, 'crash'), ...pidsOf(output, 'steady')]);
  });
});
