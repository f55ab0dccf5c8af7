import { TrainingScheduleRefusal } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';
import type { Refusal } from '../scheduling';

export function sessionNotFound(id: string): DomainError {
  return DomainError.notFound('Session', id);
}

/** A session of a module that is not in the catalogue, or no longer offered. */
export function unknownModule(id: string): DomainError {
  return DomainError.invalid([
    { path: 'moduleId', code: 'unknown_module', message: `No active module ${id} in the catalogue` },
  ]);
}

/** A trainer scheduling a session they do not teach. */
export function notOwnSession(): DomainError {
  return new DomainError('FORBIDDEN', 'A trainer schedules only sessions they teach');
}

/** What the scheduling rules refused: the first reason, and every one with what it concerns. */
export function scheduleRefused(refusals: readonly Refusal[]): DomainError {
  const reason = TrainingScheduleRefusal.parse(refusals[0].code);
  return new DomainError(
    'CONFLICT',
    `The session cannot be scheduled: ${refusals.map((r) => r.code).join(', ')}`,
    {
      reason,
      refusals: refusals.map((refusal) => ({ ...refusal })),
    },
  );
}
