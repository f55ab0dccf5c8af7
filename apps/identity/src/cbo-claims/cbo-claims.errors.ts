import { AccountRefusal } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

export function claimPending(): DomainError {
  return new DomainError('CONFLICT', 'You already have a claim waiting for a coordinator', {
    reason: AccountRefusal.enum.claim_pending,
  });
}

export function alreadyDecided(status: string): DomainError {
  return new DomainError('CONFLICT', `This claim was already ${status}`, {
    reason: AccountRefusal.enum.already_decided,
  });
}

export function notAProvince(): DomainError {
  return DomainError.invalid([
    { path: 'provinceCode', code: 'invalid_value', message: 'Choose a province from the list' },
  ]);
}
