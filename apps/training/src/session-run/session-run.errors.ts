import { TrainingSessionRefusal } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

export { scheduleRefused, sessionNotFound } from '../sessions/sessions.errors';

const refused = (message: string, reason: TrainingSessionRefusal, details: Record<string, unknown> = {}) =>
  new DomainError('CONFLICT', message, { reason, ...details });

export function sessionCancelled(): DomainError {
  return refused('This session was cancelled', TrainingSessionRefusal.enum.session_cancelled);
}

export function alreadyHeld(): DomainError {
  return refused('This session has been held: it can no longer be moved or cancelled', 'already_held');
}

export function notHeldYet(): DomainError {
  return refused('This session has not been held yet', TrainingSessionRefusal.enum.not_held_yet);
}

export function attendanceNotRecorded(): DomainError {
  return refused('The attendance of this session has not been recorded yet', 'not_held_yet', {
    attendance: 'not_recorded',
  });
}

export function attendanceRecorded(): DomainError {
  return refused('The attendance of this session is already recorded', 'attendance_recorded');
}

export function attendeesMismatch(
  unexpected: string[],
  missing: string[],
  duplicated: string[],
): DomainError {
  return refused(
    'Give one mark for each expected attendee, and nobody else',
    TrainingSessionRefusal.enum.attendees_mismatch,
    { unexpected, missing, duplicated },
  );
}

/** Someone who is not a trainer of the session (nor a coordinator or admin) asking for its sheet. */
export function notSessionTrainer(): DomainError {
  return new DomainError(
    'FORBIDDEN',
    'Only a trainer of this session, a coordinator or an admin may see its attendance',
    {
      reason: TrainingSessionRefusal.enum.not_session_trainer,
    },
  );
}
