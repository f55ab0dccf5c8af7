import { AccountRefusal } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

/** Unknown email, wrong password, wrong second factor: one answer for all. */
export function wrongCredentials(): DomainError {
  return new DomainError('UNAUTHENTICATED', 'The email, password or code is not right');
}

export function locked(retryAfterSeconds: number): DomainError {
  return new DomainError('RATE_LIMITED', 'Too many failed sign-ins for this account. Try again later.', {
    retryAfterSeconds,
  });
}

export function challengeExpired(): DomainError {
  return new DomainError('UNAUTHENTICATED', 'This sign-in has expired; enter your email and password again', {
    reason: AccountRefusal.enum.challenge_expired,
  });
}

export function signInFirst(): DomainError {
  return new DomainError('UNAUTHENTICATED', 'Sign in first');
}

export function sessionExpired(): DomainError {
  return new DomainError('UNAUTHENTICATED', 'Your session has expired; sign in again');
}

export function wrongPassword(): DomainError {
  return DomainError.invalid([
    { path: 'current', code: 'wrong_password', message: 'The current password is not right' },
  ]);
}
