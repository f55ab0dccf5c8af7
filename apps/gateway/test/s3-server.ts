import { waitFor } from '@bandanh/platform/testing';
import { freePort, startToolProcess, toolBinary } from './tool-server';

/**
 * An S3-compatible server of the test's own (gofakes3, buckets in memory) with one bucket, on a
 * free port, until `stop()`: the gateway's S3 upload store speaks the S3 protocol to it.
 */
export async function startS3Server(
  bucket: string,
): Promise<{ endpoint: string; bucket: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const server = startToolProcess(
    toolBinary('gofakes3', 'S3_SERVER_BIN', 'The tests’ S3 server is not built'),
    ['-backend', 'memory', '-initialbucket', bucket, '-host', `127.0.0.1:${port}`, '-quiet'],
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
    stop: server.stop,
  };
}
