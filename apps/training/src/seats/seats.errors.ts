import { TrainingSeatRefusal } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

export function sessionNotFound(id: string): DomainError {
  return DomainError.notFound('Session', id);
}

/**
 * A member whose account is not linked to a CBO yet: seats are held for CBOs. The member may ask
 * (the role allows it); their account's state does not, so a conflict rather than a refusal of role.
 */
export function notLinked(): DomainError {
  return new DomainError('CONFLICT', 'Link your account to your CBO before taking a seat', {
    reason: TrainingSeatRefusal.enum.not_linked_to_cbo,
  });
}

export function sessionClosed(status: string): DomainError {
  return new DomainError('CONFLICT', `The session is ${status}: its seats can no longer change`, {
    reason: TrainingSeatRefusal.enum.session_closed,
  });
}

export function cboLimitReached(limit: number): DomainError {
  return new DomainError('CONFLICT', `Your CBO already holds ${limit} seats at this session`, {
    reason: TrainingSeatRefusal.enum.cbo_limit_reached,
    limit,
  });
}

/** A member whose CBO is not invited to the session. */
export function notInvited(): DomainError {
  return new DomainError('CONFLICT', 'Your CBO is not invited to this session', {
    reason: TrainingSeatRefusal.enum.not_invited,
  });
}
