import { AccountRefusal } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

/** The account (`whose`: "Your account", "The applicant") already belongs to a CBO. */
export function alreadyLinked(whose = 'Your account'): DomainError {
  return new DomainError('CONFLICT', `${whose} is already linked to a CBO`, {
    reason: AccountRefusal.enum.already_linked,
  });
}

export function unknownLinkCode(): DomainError {
  return DomainError.invalid([
    {
      path: 'code',
      code: 'unknown_code',
      message: 'This code is not valid, was already used, or has expired',
    },
  ]);
}
