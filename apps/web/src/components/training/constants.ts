/**
 * The console's plain lists, for its client components (no zod in the browser): the training
 * contracts' own, from `@bandanh/contracts/constants`.
 */
import {
  ATTENDANCE_MARKS,
  EXCEPTION_KINDS,
  SESSION_LANGUAGES,
  TRAINING_SCHEDULE_REFUSALS,
} from '@bandanh/contracts/constants';

export const MARKS = ATTENDANCE_MARKS;
export type Mark = (typeof MARKS)[number];

export const LANGUAGES = SESSION_LANGUAGES;

export { EXCEPTION_KINDS };

/** ISO weekdays, Monday first. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const SCHEDULE_REFUSALS = TRAINING_SCHEDULE_REFUSALS;
export type ScheduleRefusalCode = (typeof SCHEDULE_REFUSALS)[number];

/** One rule that refused a session, as the form says it: who it concerns and what it clashes with. */
export interface ScheduleRefusal {
  code: ScheduleRefusalCode;
  trainerId?: string;
  sessionId?: string;
}
