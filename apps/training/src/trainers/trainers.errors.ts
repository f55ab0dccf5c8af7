import { DomainError } from '@bandanh/platform';

export function trainerNotFound(userId: string): DomainError {
  return DomainError.notFound('Trainer', userId);
}

/** A trainer may teach only modules of the catalogue. */
export function unknownModules(ids: readonly string[]): DomainError {
  return DomainError.invalid([
    { path: 'moduleIds', code: 'unknown_module', message: `Not in the catalogue: ${ids.join(', ')}` },
  ]);
}
