/**
 * Phnom Penh time for the scheduling rules. Cambodia keeps UTC+7 all year (no daylight saving),
 * so local wall-clock time is plain arithmetic on the instant: no time-zone database needed.
 */

/** Instants are ISO-8601 strings with an offset or `Z` (`2026-12-07T01:00:00Z`). */
export type Instant = string;
/** A calendar date in Phnom Penh, `YYYY-MM-DD`. */
export type LocalDate = string;
/** A wall-clock time in Phnom Penh, `HH:MM` (`24:00` allowed as the end of a window). */
export type LocalTime = string;
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const PHNOM_PENH_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = PHNOM_PENH_OFFSET_MINUTES * 60_000;
export const MINUTE_MS = 60_000;
export const DAY_MINUTES = 24 * 60;

/** Milliseconds since the epoch of an ISO instant; a malformed instant is a programming error. */
export function toMs(instant: Instant): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant: ${JSON.stringify(instant)}`);
  return ms;
}

/** The ISO instant (UTC, `Z`) of milliseconds since the epoch. */
export function toInstant(ms: number): Instant {
  return new Date(ms).toISOString();
}

/** The Phnom Penh date, weekday and minutes since local midnight of an instant. */
export function phnomPenhParts(ms: number): { date: LocalDate; weekday: Weekday; minutes: number } {
  const shifted = new Date(ms + OFFSET_MS);
  const day = shifted.getUTCDay();
  const midnight = Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate());
  return {
    date: shifted.toISOString().slice(0, 10),
    weekday: (day === 0 ? 7 : day) as Weekday,
    minutes: (shifted.getTime() - midnight) / MINUTE_MS,
  };
}

/** The instant (ms) of 00:00 in Phnom Penh on a local date. */
export function phnomPenhMidnight(date: LocalDate): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
  }
  return ms - OFFSET_MS;
}

/** The Phnom Penh weekday of a local date. */
export function weekdayOf(date: LocalDate): Weekday {
  return phnomPenhParts(phnomPenhMidnight(date)).weekday;
}

/** The local date `days` after `date` (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return phnomPenhParts(phnomPenhMidnight(date) + days * DAY_MINUTES * MINUTE_MS).date;
}

/** Minutes since midnight of `HH:MM`; `24:00` is 1440 (a window that runs to the end of the day). */
export function minutesOfTime(time: LocalTime): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  const hours = match ? Number(match[1]) : NaN;
  const minutes = match ? Number(match[2]) : NaN;
  if (!match || minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) {
    throw new RangeError(`Not an HH:MM time: ${JSON.stringify(time)}`);
  }
  return hours * 60 + minutes;
}

/** The instant of a Phnom Penh wall-clock time on a local date (`24:00` is the next midnight). */
export function phnomPenhInstant(date: LocalDate, time: LocalTime): Instant {
  return toInstant(phnomPenhMidnight(date) + minutesOfTime(time) * MINUTE_MS);
}

/** A half-open span of time [start, end) in milliseconds. */
export interface Span {
  start: number;
  end: number;
}

/** Half-open spans overlap when each starts before the other ends: touching ends do not overlap. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Minutes between two spans that do not overlap (0 when they touch). */
export function gapMinutes(a: Span, b: Span): number {
  return (a.end <= b.start ? b.start - a.end : a.start - b.end) / MINUTE_MS;
}
