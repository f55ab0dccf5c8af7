import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED_PATHS, logDestination, logOutputFromEnv } from './logger.module';

describe('where the logs go', () => {
  it('reads LOG_FORMAT and LOG_DIR, JSON on stdout by default, and names a wrong LOG_FORMAT', () => {
    expect(logOutputFromEnv({})).toEqual({ format: 'json' });
    expect(logOutputFromEnv({ LOG_FORMAT: 'pretty', LOG_DIR: '/tmp/x' })).toEqual({
      format: 'pretty',
      dir: '/tmp/x',
    });
    expect(() => logOutputFromEnv({ LOG_FORMAT: 'yaml' })).toThrow('LOG_FORMAT must be one of json, pretty');
  });

  it("builds nothing for plain JSON on stdout: pino's own destination, no stream, no worker", () => {
    expect(logDestination('network', { format: 'json' })).toBeUndefined();
  });

  it('appends JSON lines, redacted, to <dir>/<service>.log whatever the terminal shows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bandanh-logs-'));
    // The terminal's copy (fd 1) goes to a sink instead, to keep the test's output clean.
    let terminal = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        terminal += chunk.toString();
        done();
      },
    });
    const original = pino.destination;
    const spy = jest
      .spyOn(pino, 'destination')
      .mockImplementation((dest) =>
        (dest as { dest?: unknown } | undefined)?.dest === 1 ? (sink as never) : original(dest),
      );
    try {
      const destination = logDestination('network', { format: 'json', dir: join(dir, 'logs') });
      const logger = pino(
        { name: 'network', level: 'info', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
        destination,
      );
      logger.info({ body: { password: 'hunter2' } }, 'signed in');
      logger.debug('below the level');
      const lines = readFileSync(join(dir, 'logs', 'network.log'), 'utf8')
        .trim()
        .split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0])).toMatchObject({
        name: 'network',
        msg: 'signed in',
        body: { password: '[redacted]' },
      });
      expect(JSON.parse(terminal)).toMatchObject({ msg: 'signed in' });
    } finally {
      spy.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
