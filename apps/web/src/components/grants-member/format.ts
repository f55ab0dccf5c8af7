import type { Format } from '@/i18n/local-format';

/** A date and time in Phnom Penh (the formatter's time zone), in the reader's digits. */
export function when(format: Format, iso: string): string {
  return format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
}

/** A day (YYYY-MM-DD) in the reader's language. */
export function day(format: Format, date: string): string {
  return format.dateTime(new Date(`${date}T00:00:00+07:00`), { dateStyle: 'long' });
}

/** Whole days left until `iso` (0 on the last day). */
export function daysLeft(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((Date.parse(iso) - now) / 86_400_000));
}
