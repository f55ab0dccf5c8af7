/**
 * Phnom Penh's calendar for the trainer console: UTC+7 all year (no daylight saving), so a wall
 * time there is an instant with `+07:00`, and a day there runs from 17:00 UTC the day before.
 * Dates are `YYYY-MM-DD`, times `HH:MM`, instants ISO strings.
 */

/** Phnom Penh's offset from UTC, in the ISO form a session's start and end carry. */
export const PHNOM_PENH_OFFSET = '+07:00';
const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether `value` is a calendar date `YYYY-MM-DD` that exists. */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

/** Whether `value` is a wall-clock time `HH:MM`. */
export const isLocalTime = (value: unknown): value is string => typeof value === 'string' && TIME.test(value);

/** The instant a Phnom Penh date and time name, as ISO with its offset: `2026-12-07T08:00:00+07:00`. */
export const instantOf = (date: string, time: string) => `${date}T${time}:00${PHNOM_PENH_OFFSET}`;

/** The Phnom Penh wall clock of an instant, as a UTC date whose fields read Phnom Penh's. */
const wall = (instant: string | Date) => new Date(new Date(instant).getTime() + OFFSET_MS);

/** The Phnom Penh date of an instant. */
export const localDateOf = (instant: string | Date) => wall(instant).toISOString().slice(0, 10);

/** The Phnom Penh time of an instant, `HH:MM`. */
export const localTimeOf = (instant: string | Date) => wall(instant).toISOString().slice(11, 16);

/** The date `days` after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 is Monday, 7 is Sunday. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week a date falls in. */
export const mondayOf = (date: string) => addDays(date, 1 - weekdayOf(date));

/** The seven dates of the week starting on `monday`. */
export const weekOf = (monday: string) => Array.from({ length: 7 }, (_, i) => addDays(monday, i));

/** The instant a Phnom Penh date begins. */
export const startOfDay = (date: string) => instantOf(date, '00:00');

/** Today's date in Phnom Penh. */
export const todayInPhnomPenh = (now = new Date()) => localDateOf(now);
