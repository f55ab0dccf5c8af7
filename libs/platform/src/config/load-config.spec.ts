import { z } from 'zod';
import { baseEnv, databaseEnv, durationEnv, durationMs, loadConfig, temporalEnv } from './load-config';

const Schema = z.object({ ...baseEnv, ...databaseEnv, ...temporalEnv });

describe('configuration', () => {
  it('works with no variables set, on the local defaults', () => {
    expect(loadConfig('test', Schema, {})).toMatchObject({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/bandanh',
      NATS_URL: 'nats://127.0.0.1:4222',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      NATS_PREFIX: 'bandanh',
    });
  });

  it('stops with a sentence naming each wrong variable, without echoing its value', () => {
    const attempt = () =>
      loadConfig('network', Schema, {
        DATABASE_URL: 'mysql://root:s3cret@db/x',
        TEMPORAL_ADDRESS: 'nowhere',
      });
    expect(attempt).toThrow(/Invalid configuration for network: DATABASE_URL must be a URL like postgres:/);
    expect(attempt).toThrow(/TEMPORAL_ADDRESS must be host:port/);
    expect(attempt).not.toThrow(/s3cret/);
  });

  it('reads numbers from strings', () => {
    expect(loadConfig('test', Schema, { NATS_TIMEOUT_MS: '2500' }).NATS_TIMEOUT_MS).toBe(2500);
  });

  it('reads durations as the orchestrator writes them', () => {
    expect(durationMs('1 minute')).toBe(60_000);
    expect(durationMs('2 minutes')).toBe(120_000);
    expect(durationMs('36h')).toBe(36 * 3_600_000);
    expect(durationMs('3 days')).toBe(3 * 86_400_000);
    expect(durationMs('500ms')).toBe(500);
    expect(durationMs('2s')).toBe(2_000);
    expect(durationMs('1.5 hours')).toBe(5_400_000);
    for (const wrong of ['', 'soon', '0s', '10', '5 fortnights', '-1 minute', 'constructor'])
      expect(durationMs(wrong)).toBeUndefined();
  });

  it('reads a duration variable in milliseconds, and names it when it is not one', () => {
    const Durations = z.object({ WINDOW: durationEnv('1 minute') });
    expect(loadConfig('test', Durations, {}).WINDOW).toBe(60_000);
    expect(loadConfig('test', Durations, { WINDOW: '2 weeks' }).WINDOW).toBe(14 * 86_400_000);
    expect(() => loadConfig('test', Durations, { WINDOW: 'soon' })).toThrow(
      'Invalid configuration for test: WINDOW must be a duration such as "1 minute", "90s" or "2 hours"',
    );
  });
});
