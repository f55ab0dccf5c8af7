import { DomainError } from '@bandanh/platform';

export function referralNotFound(id: string): DomainError {
  return DomainError.notFound('Referral', id);
}
