import { asReal } from '../testing/fakes';
import type { HealthRepository } from './health.repository';
import { HealthService } from './health.service';

const withPing = (ping: () => Promise<void>) => new HealthService(asReal<HealthRepository>({ ping }));

describe('the identity health check', () => {
  it('is up when PostgreSQL answers', async () => {
    await expect(withPing(async () => undefined).check()).resolves.toMatchObject({
      service: 'identity',
      status: 'up',
      checks: { postgres: { status: 'up', latencyMs: expect.any(Number) } },
    });
  });

  it('is down, saying why, when PostgreSQL does not', async () => {
    const health = withPing(() => Promise.reject(new Error('connection refused')));
    await expect(health.check()).resolves.toEqual({
      service: 'identity',
      status: 'down',
      checks: { postgres: { status: 'down', error: 'connection refused' } },
    });
  });
});
