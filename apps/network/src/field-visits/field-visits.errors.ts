import { DomainError } from '@bandanh/platform';

export function fieldVisitNotFound(id: string): DomainError {
  return DomainError.notFound('Field visit', id);
}
