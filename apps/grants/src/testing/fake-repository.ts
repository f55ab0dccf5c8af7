import type { GrantsRepository } from '../db/repository';

/**
 * A fake of a repository for a service's unit tests: the queries given, and `transaction` and
 * `once` that hand the fake itself to the work, as the real repository hands itself bound to
 * the transaction (`once` answers as a first run), and `audit` that takes the entries. All are
 * jest mocks, so a test can ask which command was keyed or what was audited; a test may give
 * its own `once`, e.g. to answer as a replay.
 */
export function fakeRepository<R extends GrantsRepository>(queries: Partial<R>): R {
  const fake: Record<string, unknown> = { ...queries };
  fake.audit ??= jest.fn(async () => {});
  fake.transaction ??= jest.fn((work: (tx: unknown) => Promise<unknown>) => work(fake));
  fake.once ??= jest.fn(async (_command: unknown, work: (tx: unknown) => Promise<unknown>) => ({
    result: await work(fake),
    replayed: false,
  }));
  return fake as unknown as R;
}

/** A `once` that answers as a retry does: with the first answer, without running the work. */
export function replaying<R extends GrantsRepository>(result: unknown): R['once'] {
  return jest.fn(async () => ({ result, replayed: true })) as never;
}
