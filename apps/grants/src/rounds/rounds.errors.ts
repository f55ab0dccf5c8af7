import { GrantRefusal } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

const refused = (message: string, reason: GrantRefusal, details: Record<string, unknown> = {}) =>
  new DomainError('CONFLICT', message, { reason, ...details });

export function roundNotFound(id: string): DomainError {
  return DomainError.notFound('Round', id);
}

/** A change of what applications were made under, once there are some. */
export function roundInUse(fields: string[]): DomainError {
  return refused(
    `The round has applications: its ${fields.join(', ')} stay as they were`,
    GrantRefusal.enum.round_in_use,
    { fields },
  );
}

export function budgetBelowCommitted(committed: number): DomainError {
  return refused(
    'The budget cannot be less than what approved grants already took from it',
    GrantRefusal.enum.budget_below_committed,
    { committed },
  );
}

export function roundNotOpen(state: string): DomainError {
  return refused(
    state === 'upcoming' ? 'The round is not open yet' : 'The round is closed',
    GrantRefusal.enum.round_not_open,
    { state },
  );
}
