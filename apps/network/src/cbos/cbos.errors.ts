import { PipelineRefusal, type DuplicateCandidate } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

/** No CBO has this id (or the caller may not see it). */
export function cboNotFound(id: string): DomainError {
  return DomainError.notFound('CBO', id);
}

/** A coordinator records a CBO that looks like one already recorded in the commune. */
export function possibleDuplicate(duplicates: DuplicateCandidate[]): DomainError {
  return new DomainError(
    'CONFLICT',
    `A CBO with a similar name is already recorded in this commune: ${duplicates[0].name}`,
    { reason: PipelineRefusal.enum.possible_duplicate, duplicates },
  );
}

/** A group applies from a province the network has not opened yet. */
export function provinceNotOpen(): DomainError {
  const message = 'The network is not open in this province yet';
  return DomainError.invalid([{ path: 'provinceCode', code: 'province_not_open', message }], message);
}
