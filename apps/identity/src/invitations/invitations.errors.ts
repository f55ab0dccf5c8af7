import { AccountRefusal } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

/** The same answer for an unknown, used and expired link. */
export function invitationGone(): DomainError {
  return new DomainError('NOT_FOUND', 'This invitation link is not valid, was already used, or has expired');
}

/** An admin invited an address that already has an account: worded for the admin, not the invitee. */
export function inviteeHasAccount(): DomainError {
  return new DomainError(
    'CONFLICT',
    'This address already has an account: change its roles on the users page',
    { reason: AccountRefusal.enum.account_exists },
  );
}
