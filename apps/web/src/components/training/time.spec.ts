import {
  addDays,
  instantOf,
  isLocalDate,
  isLocalTime,
  localDateOf,
  localTimeOf,
  mondayOf,
  weekOf,
  weekdayOf,
} from './time';

describe("the trainer console's Phnom Penh calendar", () => {
  it('reads an instant as the date and time it is in Phnom Penh, across midnight UTC', () => {
    expect(localDateOf('2026-12-06T17:30:00Z')).toBe('2026-12-07');
    expect(localTimeOf('2026-12-06T17:30:00Z')).toBe('00:30');
    expect(localDateOf('2026-12-07T16:59:00Z')).toBe('2026-12-07');
    expect(localTimeOf(instantOf('2026-12-07', '08:15'))).toBe('08:15');
  });

  it('names a Phnom Penh date and time as an instant with its offset', () => {
    expect(instantOf('2026-12-07', '08:00')).toBe('2026-12-07T08:00:00+07:00');
    expect(new Date(instantOf('2026-12-07', '08:00')).toISOString()).toBe('2026-12-07T01:00:00.000Z');
  });

  it('starts each week on Monday and ends it on Sunday', () => {
    expect(weekdayOf('2026-12-07')).toBe(1);
    expect(weekdayOf('2026-12-13')).toBe(7);
    expect(mondayOf('2026-12-13')).toBe('2026-12-07');
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(weekOf('2026-12-28')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('tells real dates and times from others', () => {
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('7 Dec')).toBe(false);
    expect(isLocalTime('08:30')).toBe(true);
    expect(isLocalTime('24:00')).toBe(false);
    expect(isLocalTime('8:30')).toBe(false);
  });
});
