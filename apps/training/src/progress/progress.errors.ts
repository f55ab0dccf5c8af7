import { DomainError } from '@bandanh/platform';

/** Another CBO's progress, asked by a member: as if it did not exist. */
export function cboNotFound(id: string): DomainError {
  return DomainError.notFound('CBO', id);
}
