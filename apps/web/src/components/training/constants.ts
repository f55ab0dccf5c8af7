/**
 * The training contracts' plain lists, for the console's client components (no zod in the
 * browser); `constants.spec.ts` checks that they are the contracts' own.
 */

export const MARKS = ['present', 'late', 'absent', 'excused'] as const;
export type Mark = (typeof MARKS)[number];

export const LANGUAGES = ['km', 'en'] as const;

export const EXCEPTION_KINDS = ['leave', 'other_work'] as const;

/** ISO weekdays, Monday first. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const SCHEDULE_REFUSALS = [
  'outside_availability',
  'trainer_on_leave',
  'double_booked',
  'too_little_travel_time',
  'not_qualified',
  'outside_provinces',
  'venue_taken',
  'ends_before_start',
  'in_the_past',
  'capacity_below_minimum',
] as const;
export type ScheduleRefusalCode = (typeof SCHEDULE_REFUSALS)[number];

/** One rule that refused a session, as the form says it: who it concerns and what it clashes with. */
export interface ScheduleRefusal {
  code: ScheduleRefusalCode;
  trainerId?: string;
  sessionId?: string;
}
