import { AccountRefusal } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

/** The same answer for an unknown, used, replaced and expired link. */
export function resetLinkInvalid(): DomainError {
  return new DomainError(
    'NOT_FOUND',
    'This password reset link is not valid, was already used, or has expired; ask for a new one',
    { reason: AccountRefusal.enum.reset_link_invalid },
  );
}
