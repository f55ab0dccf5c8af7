import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@bandanh/platform/testing';
import { freePort } from './mail';

function s3ServerBinary(): string {
  const candidates = [process.env.S3_SERVER_BIN, join(__dirname, '../../../.tools/bin/gofakes3')];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found)
    throw new Error(
      'The tests’ S3 server is not built: run npm test (infra/lib.sh ensure_s3_server) or set S3_SERVER_BIN',
    );
  return found;
}

/**
 * An S3-compatible server of the test's own (gofakes3, buckets in memory) with one bucket, on a
 * free port, until `stop()`: the gateway's S3 upload store speaks the S3 protocol to it.
 */
export async function startS3Server(
  bucket: string,
): Promise<{ endpoint: string; bucket: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    s3ServerBinary(),
    ['-backend', 'memory', '-initialbucket', bucket, '-host', `127.0.0.1:${port}`, '-quiet'],
    { stdio: 'ignore' },
  );
  const endpoint = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      const answer = await fetch(`${endpoint}/${bucket}`).catch(() => undefined);
      return answer && answer.status < 500 ? true : undefined;
    },
    { what: 'the test S3 server to answer' },
  );
  return {
    endpoint,
    bucket,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
