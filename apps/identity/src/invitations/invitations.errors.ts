import { DomainError } from '@bandanh/platform';

/** The same answer for an unknown, used and expired link. */
export function invitationGone(): DomainError {
  return new DomainError('NOT_FOUND', 'This invitation link is not valid, was already used, or has expired');
}
