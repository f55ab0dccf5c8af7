import type { createFormatter } from 'next-intl';
import { numberingSystemOf } from '@/components/notifications/numerals';

/** next-intl's formatter (what `useFormatter`/`getFormatter` return). */
export type Format = ReturnType<typeof createFormatter>;

type DateTimeOptions = Intl.DateTimeFormatOptions;
type NumberOptions = Intl.NumberFormatOptions;

/**
 * Presets of one language: Khmer digits and the 24-hour clock in Khmer ("៣ ធ្នូ ២០២៦, ១៤:៤៤"),
 * Latin digits in English. next-intl has no global default for these, so every formatter of
 * the web goes through {@link localFormat}.
 */
export function localDefaults(locale: string): { dateTime: DateTimeOptions; number: NumberOptions } {
  const numberingSystem = numberingSystemOf(locale);
  return {
    dateTime: locale === 'km' ? { numberingSystem, hourCycle: 'h23' } : { numberingSystem },
    number: { numberingSystem },
  };
}

const khmerNumbers = new Map<string, Intl.NumberFormat>();

/**
 * A number in Khmer digits with the separators written the same everywhere (`១,២៣៤.៥`): the
 * runtimes' Khmer patterns differ (Node writes `១.២៣៤,៥`, Chromium the other way), so a page
 * rendered on the server and updated in the browser would show one number two ways. The
 * separators and the currency sign's place are those of money (`$១,២៣៤.៥០`, formatMoney).
 */
function khmerNumber(value: number | bigint, options: NumberOptions = {}): string {
  const key = JSON.stringify(options);
  let formatter = khmerNumbers.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { numberingSystem: 'khmr', ...options });
    khmerNumbers.set(key, formatter);
  }
  return formatter.format(value);
}

/** The formatter with {@link localDefaults} under every date, number and relative time. */
export function localFormat(format: Format, locale: string): Format {
  const defaults = localDefaults(locale);
  const numberingSystem = numberingSystemOf(locale);
  const dateTime = ((value: Date | number, formatOrOptions?: unknown, overrides?: unknown) =>
    typeof formatOrOptions === 'string'
      ? format.dateTime(value as Date, formatOrOptions, {
          ...defaults.dateTime,
          ...(overrides as DateTimeOptions),
        } as never)
      : format.dateTime(
          value as Date,
          { ...defaults.dateTime, ...(formatOrOptions as DateTimeOptions) } as never,
        )) as Format['dateTime'];
  const number = ((value: number | bigint, formatOrOptions?: unknown, overrides?: unknown) =>
    locale === 'km' && typeof formatOrOptions !== 'string'
      ? khmerNumber(value, formatOrOptions as NumberOptions | undefined)
      : typeof formatOrOptions === 'string'
        ? format.number(value, formatOrOptions, {
            ...defaults.number,
            ...(overrides as NumberOptions),
          } as never)
        : format.number(value, {
            ...defaults.number,
            ...(formatOrOptions as NumberOptions),
          } as never)) as Format['number'];
  const relativeTime = ((date: Date | number, nowOrOptions?: unknown) => {
    const options =
      nowOrOptions instanceof Date || typeof nowOrOptions === 'number'
        ? { now: nowOrOptions }
        : (nowOrOptions as Record<string, unknown> | undefined);
    // numberingSystem is read by next-intl's relativeTime, its type just does not list it.
    return format.relativeTime(date, { numberingSystem, ...options } as Parameters<
      Format['relativeTime']
    >[1]);
  }) as Format['relativeTime'];
  const dateTimeRange = ((start: Date | number, end: Date | number, formatOrOptions?: unknown) =>
    format.dateTimeRange(
      start as Date,
      end as Date,
      {
        ...defaults.dateTime,
        ...(formatOrOptions as DateTimeOptions),
      } as never,
    )) as Format['dateTimeRange'];
  return { ...format, dateTime, dateTimeRange, number, relativeTime };
}
