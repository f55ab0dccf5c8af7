import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A TCP port on 127.0.0.1 that nothing listens on (the kernel's pick, closed again). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A server program the set-up builds into .tools/bin (infra/lib.sh), or the one the variable
 * `envVar` names; `missing` says what to run when neither is there.
 */
export function toolBinary(name: string, envVar: string, missing: string): string {
  const candidates = [process.env[envVar], join(__dirname, '../../../.tools/bin', name)];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) throw new Error(`${missing}: run npm test (infra/lib.sh) or set ${envVar}`);
  return found;
}

/** Starts a test's own server process, quiet; `stop()` ends it and waits until it has. */
export function startToolProcess(binary: string, args: string[]): { stop: () => Promise<void> } {
  const child = spawn(binary, args, { stdio: 'ignore' });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
