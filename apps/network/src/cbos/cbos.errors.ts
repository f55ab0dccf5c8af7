import { PipelineRefusal, type Cbo, type DuplicateCandidate } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

/** No CBO has this id (or the caller may not see it). */
export function cboNotFound(id: string): DomainError {
  return DomainError.notFound('CBO', id);
}

/** No public application has this reference. */
export function applicationNotFound(reference: string): DomainError {
  return DomainError.notFound('Application', reference);
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

/** How a province not opened yet is named in a warning and a refusal. */
export function provinceNotOpenMessage(provinceCode: string, opensOn: string | null): string {
  return opensOn
    ? `The network has not opened in ${provinceCode} yet: its expansion phase opens on ${opensOn}`
    : `The network has not opened in ${provinceCode} yet: it is in no expansion phase`;
}

/** A coordinator records a CBO in a province not opened yet while the programme setting refuses it. */
export function provinceNotOpenForRecording(provinceCode: string, opensOn: string | null): DomainError {
  return new DomainError('CONFLICT', provinceNotOpenMessage(provinceCode, opensOn), {
    reason: PipelineRefusal.enum.province_not_open,
    provinceCode,
    opensOn,
  });
}

/** A duplicate decision about a CBO that was not flagged as a likely duplicate of that one. */
export function notFlagged(id: string): DomainError {
  return new DomainError('CONFLICT', `CBO ${id} is not flagged as a likely duplicate of that CBO`, {
    reason: PipelineRefusal.enum.not_flagged,
  });
}

/** A coordinator already decided otherwise about this CBO's likely duplicates. */
export function duplicateDecided(
  decision: NonNullable<Cbo['duplicateDecision']>,
  duplicateOf: string | null,
): DomainError {
  return new DomainError('CONFLICT', `A coordinator already decided about this CBO: ${decision}`, {
    reason: PipelineRefusal.enum.duplicate_decided,
    decision,
    duplicateOf,
  });
}
