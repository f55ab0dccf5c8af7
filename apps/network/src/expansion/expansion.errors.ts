import { ExpansionRefusal } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

/** A new plan moves or empties a phase that has opened. */
export function phaseAlreadyOpen(seq: number): DomainError {
  return new DomainError('CONFLICT', `Phase ${seq} is already open; its provinces cannot change`, {
    reason: ExpansionRefusal.enum.phase_already_open,
    seq,
  });
}
