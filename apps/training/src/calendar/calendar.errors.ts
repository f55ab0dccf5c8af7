import { DomainError } from '@bandanh/platform';

/** An unknown or rotated feed token: nothing said of whether it ever existed. */
export function feedNotFound(): DomainError {
  return new DomainError('NOT_FOUND', 'No calendar at this address');
}
