import { DomainError } from '@bandanh/platform';

export function partnerNotFound(id: string): DomainError {
  return DomainError.notFound('Partner', id);
}

/** A new partner is created once per idempotency key, so it must come with one. */
export function idempotencyKeyRequired(): DomainError {
  return DomainError.invalid([{ path: 'idempotencyKey', code: 'required', message: 'Required' }]);
}
