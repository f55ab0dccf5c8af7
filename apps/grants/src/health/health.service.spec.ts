import type { GrantsDatabase } from '../db/database.module';
import { HealthService } from './health.service';

/** A database whose `select 1` answers, or fails with `error`. */
function fakeDatabase(error?: Error): Pick<GrantsDatabase, 'sql'> {
  const sql = jest.fn(async () => {
    if (error) throw error;
    return [{ '?column?': 1 }];
  });
  return { sql: sql as unknown as GrantsDatabase['sql'] };
}

describe('the grants service’s health', () => {
  it('is up when its database answers', async () => {
    await expect(new HealthService(fakeDatabase()).check()).resolves.toEqual({
      service: 'grants',
      status: 'up',
      checks: { postgres: { status: 'up', latencyMs: expect.any(Number) } },
    });
  });

  it('is down, saying why, when its database does not', async () => {
    await expect(new HealthService(fakeDatabase(new Error('connection refused'))).check()).resolves.toEqual({
      service: 'grants',
      status: 'down',
      checks: { postgres: { status: 'down', error: 'connection refused' } },
    });
  });
});
