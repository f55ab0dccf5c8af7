import { DomainError } from '@bandanh/platform';

/** Signing up or accepting an invitation with an email that has an account; `then` says what to do. */
export function emailTaken(then?: string): DomainError {
  return new DomainError('CONFLICT', `An account with this email already exists${then ? `; ${then}` : ''}`);
}

export function notStaff(): DomainError {
  return DomainError.invalid([
    { path: 'roles', code: 'not_staff', message: 'Only staff accounts hold roles' },
  ]);
}

export function ownAdminRole(): DomainError {
  return new DomainError('CONFLICT', 'You cannot remove your own admin role; ask another admin');
}
