import type { Caller, StaffRole } from '@bandanh/contracts';
import { ANONYMOUS, systemCaller } from '../auth/require';
import type { AnyDatabase, ServiceRepository } from '../db/service-repository';

/** Callers for the services' unit tests. */
export const STAFF_ID = '11111111-1111-4111-8111-111111111111';
export const APPLICANT_ID = '22222222-2222-4222-8222-222222222222';

export function staff(...roles: StaffRole[]): Caller {
  return { kind: 'staff', userId: STAFF_ID, roles };
}

export function applicant(cboId: string | null = null): Caller {
  return { kind: 'applicant', userId: APPLICANT_ID, cboId };
}

export const orchestrator: Caller = systemCaller('orchestrator');
export const anonymous: Caller = ANONYMOUS;

/** The DomainError a refusal throws, by code (and message, where given). */
export function refusal(code: string, message?: string | RegExp) {
  return expect.objectContaining(
    message === undefined ? { code } : { code, message: expect.stringMatching(message) },
  );
}

/**
 * A fake of a repository for a service's unit tests: the queries given, and `transaction` and
 * `once` that hand the fake itself to the work, as the real repository hands itself bound to
 * the transaction (`once` answers as a first run), and `audit` that takes the entries. All are
 * jest mocks, so a test can ask which command was keyed or what was audited; a test may give
 * its own `once`, e.g. to answer as a replay.
 */
export function fakeRepository<R extends ServiceRepository<AnyDatabase>>(queries: Partial<R>): R {
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
export function replaying<R extends ServiceRepository<AnyDatabase>>(result: unknown): R['once'] {
  return jest.fn(async () => ({ result, replayed: true })) as never;
}
