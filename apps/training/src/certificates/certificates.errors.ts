import { DomainError } from '@bandanh/platform';

export function certificateNotFound(code: string): DomainError {
  return DomainError.notFound('Certificate', code);
}
