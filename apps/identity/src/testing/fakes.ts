/**
 * What the unit tests of identity's services share: fakes stand in for repositories, and a
 * configuration with fast settings. Used by `*.spec.ts` only.
 */
import type { Executor, Transactions } from '../db/database.module';
import { loadIdentityConfig, type IdentityConfig } from '../config/env';
import { PasswordHasher } from '../security/passwords';

/** The public face of a class: what a fake of it must provide. */
export type Shape<T> = { [K in keyof T]: T[K] };

/** Hands a fake to code that asks for the real class (whose private fields a fake has not). */
export function asReal<T>(fake: Shape<T>): T {
  return fake as T;
}

/** What a query answers: a row apart from the stored one, as a database gives. */
export function copy<T extends object>(row: T | undefined): T | undefined {
  return row && { ...row };
}

/** Runs the work at once: the fakes keep no transactions. */
export function fakeTransactions(): Transactions {
  return asReal<Transactions>({ run: (work) => work({} as Executor) });
}

/** The identity configuration with no waiting between failed sign-ins. */
export function testConfig(overrides: Record<string, string> = {}): IdentityConfig {
  return loadIdentityConfig({ SIGN_IN_DELAY_MS: '0', ARGON2_MEMORY_KIB: '1024', ...overrides });
}

/** Argon2 at its cheapest setting, so a test hashes in a millisecond. */
export const testHasher = () => new PasswordHasher(1024);

/** Ids that are valid uuids and easy to tell apart in a failure message. */
export function id(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}
