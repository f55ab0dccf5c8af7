import type { AccountErrorKey } from '@/lib/account-errors';
import type { Wording } from '@/lib/refusal';

/** Keys under `passwordReset.errors`: what the top of a reset form says. */
export const RESET_ERROR_KEYS = [
  'summary',
  'invalid',
  'linkInvalid',
  'rateLimited',
  'unavailable',
  'unexpected',
] as const;
export type ResetErrorKey = (typeof RESET_ERROR_KEYS)[number];

/** The fields' errors are keys under `account.errors`, like the other account forms'. */
export type ResetFieldErrors = Partial<Record<'email' | 'password' | 'confirm', AccountErrorKey>>;

/** How the reset forms word the API's refusals: the top from `passwordReset.errors`. */
export const RESET_WORDING = {
  VALIDATION_FAILED: 'invalid',
  RATE_LIMITED: 'rateLimited',
  UNAVAILABLE: 'unavailable',
  reset_link_invalid: 'linkInvalid',
} as const satisfies Wording<ResetErrorKey>;

/** A refusal's top message as a reset form says it (a field's key never reaches the top). */
export function resetError(key: string): ResetErrorKey {
  return (RESET_ERROR_KEYS as readonly string[]).includes(key) ? (key as ResetErrorKey) : 'unexpected';
}
