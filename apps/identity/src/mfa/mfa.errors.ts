import { AccountRefusal } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

export function alreadyEnabled(): DomainError {
  return new DomainError('CONFLICT', 'Two-factor authentication is already on for this account', {
    reason: AccountRefusal.enum.already_enabled,
  });
}

export function notStarted(): DomainError {
  return new DomainError('CONFLICT', 'Start the enrolment first', {
    reason: AccountRefusal.enum.not_started,
  });
}

export function wrongCode(): DomainError {
  return DomainError.invalid([
    { path: 'code', code: 'wrong_code', message: 'That code is not right; try the next one' },
  ]);
}

export function mfaNotEnabled(): DomainError {
  return new DomainError('CONFLICT', 'Two-factor authentication is not on for this account', {
    reason: AccountRefusal.enum.mfa_not_enabled,
  });
}

export function ownSecondFactor(): DomainError {
  return new DomainError('CONFLICT', 'You cannot reset your own second factor; ask another admin', {
    reason: AccountRefusal.enum.own_account,
  });
}

export function notStaffMember(): DomainError {
  return DomainError.invalid([
    {
      path: 'userId',
      code: 'not_staff',
      message: 'Only a staff member’s second factor is reset by an admin',
    },
  ]);
}
