/** The training programme's plain lists; the schemas in `../training/` build on them. */

/** A participant's mark on the attendance sheet; present and late count as attended. */
export const ATTENDANCE_MARKS = ['present', 'late', 'absent', 'excused'] as const;

/** The languages a session is taught in. */
export const SESSION_LANGUAGES = ['km', 'en'] as const;

/** Why a trainer is away on a dated exception to their weekly windows. */
export const EXCEPTION_KINDS = ['leave', 'other_work'] as const;

/**
 * Why a proposed session cannot be scheduled: the codes of the scheduling rules
 * (apps/training/src/scheduling/schedule.ts), each with what it concerns.
 */
export const TRAINING_SCHEDULE_REFUSALS = [
  /** A trainer has no weekly window on that day holding the whole session (`trainerId`). */
  'outside_availability',
  /** A trainer's dated exception (leave, other work) overlaps the session (`trainerId`, `exceptionId`). */
  'trainer_on_leave',
  /** A trainer already has a session overlapping this one (`trainerId`, `sessionId`). */
  'double_booked',
  /** A trainer's session in another province is too close to travel between (`trainerId`, `sessionId`). */
  'too_little_travel_time',
  /** A trainer may not teach the module (or has no trainer profile) (`trainerId`). */
  'not_qualified',
  /** A trainer does not travel to the venue's province (`trainerId`). */
  'outside_provinces',
  /** Another session at the same place overlaps this one (`sessionId`). */
  'venue_taken',
  /** The session ends at or before its start. */
  'ends_before_start',
  /** The session starts before now. */
  'in_the_past',
  /** The capacity is lower than the minimum attendance. */
  'capacity_below_minimum',
] as const;
