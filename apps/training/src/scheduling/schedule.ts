import { TRAINING_SCHEDULE_REFUSALS } from '@bandanh/contracts/constants';
import {
  gapMinutes,
  minutesOfTime,
  MINUTE_MS,
  overlaps,
  phnomPenhInstant,
  phnomPenhParts,
  toMs,
  type Instant,
  type LocalDate,
  type LocalTime,
  type Span,
  type Weekday,
} from './time';

/** Why a proposed session cannot be scheduled (the contracts' list). */
export const SCHEDULE_REFUSALS = TRAINING_SCHEDULE_REFUSALS;
export type ScheduleRefusalCode = (typeof SCHEDULE_REFUSALS)[number];

/** One reason, with who and what it concerns, so the web can say exactly why. */
export interface Refusal {
  code: ScheduleRefusalCode;
  /** The trainer the refusal concerns (absent for the session's own faults and `venue_taken`). */
  trainerId?: string;
  /** The conflicting session (`double_booked`, `too_little_travel_time`, `venue_taken`). */
  sessionId?: string;
  /** The conflicting dated exception (`trainer_on_leave`). */
  exceptionId?: string;
}

export type ScheduleCheck = { ok: true } | { ok: false; refusals: Refusal[] };

/** A physical venue: the place is matched after trimming, collapsing spaces and ignoring case. */
export interface PlaceVenue {
  kind: 'place';
  provinceCode: string;
  district: string;
  commune: string;
  place: string;
}
export type Venue = PlaceVenue | { kind: 'online' };

/** A recurring weekly window of availability, Phnom Penh time; `end` may be `24:00`. */
export interface WeeklyWindow {
  weekday: Weekday;
  start: LocalTime;
  end: LocalTime;
}

/** A dated exception (leave, other work): the trainer is unavailable in [start, end). */
export interface AvailabilityException {
  id: string;
  start: Instant;
  end: Instant;
}

export interface TrainerProfile {
  id: string;
  /** The modules the trainer may teach. */
  moduleIds: readonly string[];
  /** The provinces the trainer travels to. */
  provinceCodes: readonly string[];
  windows: readonly WeeklyWindow[];
  exceptions: readonly AvailabilityException[];
}

/** A session already scheduled (cancelled sessions are left out by the caller). */
export interface ExistingSession {
  id: string;
  trainerIds: readonly string[];
  start: Instant;
  end: Instant;
  venue: Venue;
}

export interface ProposedSession {
  /** Set when moving an existing session: the session itself is then not a conflict. */
  id?: string;
  moduleId: string;
  trainerIds: readonly string[];
  start: Instant;
  end: Instant;
  venue: Venue;
  capacity: number;
  minimumAttendance: number;
  language: 'km' | 'en';
}

export interface ScheduleContext {
  /** The profiles of the proposed trainers (a trainer without one is `not_qualified`). */
  trainers: readonly TrainerProfile[];
  /** Other sessions: at least the trainers' sessions and those at the venue, around the time. */
  sessions: readonly ExistingSession[];
  /** Minutes needed between a trainer's sessions in different provinces. */
  travelMinutes: number;
  now: Instant;
}

/** An exception covering whole Phnom Penh days, `from` to `to` inclusive (e.g. a week of leave). */
export function wholeDaysException(id: string, from: LocalDate, to: LocalDate): AvailabilityException {
  return datedException({ id, startDate: from, endDate: to });
}

/**
 * The span of a dated exception as the trainers' profiles store it: from `startDate` at
 * `startTime` (else the start of the day) to `endDate` at `endTime` (else the end of the day),
 * Phnom Penh time.
 */
export function datedException(exception: {
  id: string;
  startDate: LocalDate;
  endDate: LocalDate;
  startTime?: LocalTime;
  endTime?: LocalTime;
}): AvailabilityException {
  return {
    id: exception.id,
    start: phnomPenhInstant(exception.startDate, exception.startTime ?? '00:00'),
    end: phnomPenhInstant(exception.endDate, exception.endTime ?? '24:00'),
  };
}

/** The key two venues share when they are the same place; online sessions have none. */
export function placeKey(venue: Venue): string | null {
  if (venue.kind === 'online') return null;
  const norm = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
  return [venue.provinceCode, norm(venue.district), norm(venue.commune), norm(venue.place)].join('\u0000');
}

/** The sessions once each: a caller may pass a trainer's sessions and the venue's together. */
export function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  return [...byId.values()];
}

function provinceOf(venue: Venue): string | null {
  return venue.kind === 'online' ? null : venue.provinceCode;
}

function spanOf(session: { start: Instant; end: Instant }): Span {
  return { start: toMs(session.start), end: toMs(session.end) };
}

/** Whether one weekly window of the session's Phnom Penh day holds all of it (a session over midnight never fits). */
export function fitsWeeklyWindow(windows: readonly WeeklyWindow[], span: Span): boolean {
  const local = phnomPenhParts(span.start);
  const startMinutes = local.minutes;
  const endMinutes = startMinutes + (span.end - span.start) / MINUTE_MS;
  return windows.some(
    (window) =>
      window.weekday === local.weekday &&
      minutesOfTime(window.start) <= startMinutes &&
      endMinutes <= minutesOfTime(window.end),
  );
}

/**
 * Every reason one trainer cannot take the span in that province (`null`: online), given the other
 * sessions. Shared by `checkSchedule` and `findSlots`.
 */
export function trainerRefusals(
  trainer: TrainerProfile | undefined,
  trainerId: string,
  moduleId: string,
  span: Span,
  provinceCode: string | null,
  sessions: readonly ExistingSession[],
  travelMinutes: number,
  ownId?: string,
): Refusal[] {
  if (!trainer) return [{ code: 'not_qualified', trainerId }];
  const refusals: Refusal[] = [];
  if (!trainer.moduleIds.includes(moduleId)) refusals.push({ code: 'not_qualified', trainerId });
  if (provinceCode !== null && !trainer.provinceCodes.includes(provinceCode)) {
    refusals.push({ code: 'outside_provinces', trainerId });
  }
  if (!fitsWeeklyWindow(trainer.windows, span)) refusals.push({ code: 'outside_availability', trainerId });
  for (const exception of trainer.exceptions) {
    if (overlaps(span, spanOf(exception))) {
      refusals.push({ code: 'trainer_on_leave', trainerId, exceptionId: exception.id });
    }
  }
  for (const other of sessions) {
    if (other.id === ownId || !other.trainerIds.includes(trainerId)) continue;
    const otherSpan = spanOf(other);
    if (overlaps(span, otherSpan)) {
      refusals.push({ code: 'double_booked', trainerId, sessionId: other.id });
      continue;
    }
    const otherProvince = provinceOf(other.venue);
    const travels = provinceCode !== null && otherProvince !== null && otherProvince !== provinceCode;
    if (travels && gapMinutes(span, otherSpan) < travelMinutes) {
      refusals.push({ code: 'too_little_travel_time', trainerId, sessionId: other.id });
    }
  }
  return refusals;
}

/**
 * Whether a session can be scheduled as proposed. Every reason is given, not only the first:
 * the session's own faults, then each trainer's (in the order proposed), then the venue's.
 * Times are half-open, so a session may start exactly when another ends.
 */
export function checkSchedule(proposed: ProposedSession, context: ScheduleContext): ScheduleCheck {
  const refusals: Refusal[] = [];
  const span = spanOf(proposed);
  if (span.end <= span.start) refusals.push({ code: 'ends_before_start' });
  if (span.start < toMs(context.now)) refusals.push({ code: 'in_the_past' });
  if (proposed.capacity < proposed.minimumAttendance) refusals.push({ code: 'capacity_below_minimum' });

  // Availability, clashes and the venue only mean something for a span of positive length.
  if (span.end > span.start) {
    const sessions = uniqueById(context.sessions);
    const provinceCode = provinceOf(proposed.venue);
    for (const trainerId of new Set(proposed.trainerIds)) {
      const trainer = context.trainers.find((candidate) => candidate.id === trainerId);
      refusals.push(
        ...trainerRefusals(
          trainer,
          trainerId,
          proposed.moduleId,
          span,
          provinceCode,
          sessions,
          context.travelMinutes,
          proposed.id,
        ),
      );
    }
    const key = placeKey(proposed.venue);
    if (key !== null) {
      for (const other of sessions) {
        if (other.id === proposed.id) continue;
        if (placeKey(other.venue) === key && overlaps(span, spanOf(other))) {
          refusals.push({ code: 'venue_taken', sessionId: other.id });
        }
      }
    }
  }
  return refusals.length === 0 ? { ok: true } : { ok: false, refusals };
}
