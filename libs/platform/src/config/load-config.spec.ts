import { z } from 'zod';
import { baseEnv, databaseEnv, loadConfig, temporalEnv } from './load-config';

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
});
