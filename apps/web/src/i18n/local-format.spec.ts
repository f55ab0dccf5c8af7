import { localFormat, type Format } from './local-format';

const at = new Date('2026-12-03T07:44:00Z');
const threeDaysBefore = new Date('2026-11-30T07:44:00Z');

/**
 * What next-intl's formatter does with the options it is given (next-intl itself is ESM only
 * and does not load under jest): Intl with the web's time zone.
 */
function intlFormat(locale: string): Format {
  return {
    dateTime: (value: Date, options: Intl.DateTimeFormatOptions = {}) =>
      new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Phnom_Penh', ...options }).format(value),
    number: (value: number, options: Intl.NumberFormatOptions = {}) =>
      new Intl.NumberFormat(locale, options).format(value),
    relativeTime: (date: Date, options: { now: Date; numberingSystem?: string }) =>
      new Intl.RelativeTimeFormat(locale, {
        numberingSystem: options.numberingSystem,
      } as Intl.RelativeTimeFormatOptions).format(
        Math.round((date.getTime() - options.now.getTime()) / 86_400_000),
        'day',
      ),
  } as unknown as Format;
}

const formatterOf = (locale: string) => localFormat(intlFormat(locale), locale);

describe('localFormat: one numeral style and clock per language', () => {
  it('writes dates and times in Khmer digits on the 24-hour clock in Khmer', () => {
    const shown = formatterOf('km').dateTime(at, { dateStyle: 'medium', timeStyle: 'short' });
    expect(shown).toBe('៣ ធ្នូ ២០២៦, ១៤:៤៤');
    expect(shown).not.toMatch(/[0-9]|PM/);
  });

  it('writes numbers and relative times in Khmer digits in Khmer', () => {
    const format = formatterOf('km');
    // The same separators on the server and in the browser, whose Khmer patterns differ.
    expect(format.number(1234.5, { maximumFractionDigits: 1 })).toBe('១,២៣៤.៥');
    expect(format.number(72.9)).toBe('៧២.៩');
    const ago = format.relativeTime(threeDaysBefore, at);
    expect(ago).toContain('៣');
    expect(ago).not.toMatch(/[0-9]/);
  });

  it('keeps English in Latin digits and its own clock', () => {
    const format = formatterOf('en');
    expect(format.dateTime(at, { dateStyle: 'medium', timeStyle: 'short' })).toBe('Dec 3, 2026, 2:44 PM');
    expect(format.number(23)).toBe('23');
    expect(format.relativeTime(threeDaysBefore, { now: at })).toBe('3 days ago');
  });

  it('lets a call site still choose its own numbering system', () => {
    expect(formatterOf('km').number(7, { numberingSystem: 'latn' })).toBe('7');
  });
});
