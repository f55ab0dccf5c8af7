import { TrainingRefusal } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

export function moduleNotFound(id: string): DomainError {
  return DomainError.notFound('Module', id);
}

/** A new module with an id the catalogue already holds. */
export function moduleExists(id: string): DomainError {
  return new DomainError('CONFLICT', `The catalogue already has a module ${id}`, {
    reason: TrainingRefusal.enum.module_exists,
    id,
  });
}
