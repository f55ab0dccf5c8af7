import {
  addDays,
  gapMinutes,
  minutesOfTime,
  overlaps,
  phnomPenhInstant,
  phnomPenhMidnight,
  phnomPenhParts,
  toMs,
  weekdayOf,
} from './time';

describe('Phnom Penh time', () => {
  it('reads a UTC instant late on Sunday as Monday morning in Phnom Penh', () => {
    const parts = phnomPenhParts(toMs('2026-12-06T18:30:00Z'));
    expect(parts).toEqual({ date: '2026-12-07', weekday: 1, minutes: 90 });
  });

  it('numbers weekdays Monday 1 to Sunday 7', () => {
    expect(weekdayOf('2026-12-07')).toBe(1);
    expect(weekdayOf('2026-12-13')).toBe(7);
  });

  it('places local midnight seven hours before UTC midnight', () => {
    expect(new Date(phnomPenhMidnight('2026-12-07')).toISOString()).toBe('2026-12-06T17:00:00.000Z');
    expect(phnomPenhInstant('2026-12-07', '24:00')).toBe('2026-12-07T17:00:00.000Z');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('parses HH:MM and refuses what is not a time', () => {
    expect(minutesOfTime('08:30')).toBe(510);
    expect(minutesOfTime('24:00')).toBe(1440);
    for (const bad of ['8:30', '24:30', '12:60', '25:00', 'noon']) {
      expect(() => minutesOfTime(bad)).toThrow(RangeError);
    }
  });

  it('refuses malformed instants and dates', () => {
    expect(() => toMs('yesterday')).toThrow(RangeError);
    expect(() => phnomPenhMidnight('2026-02-30')).toThrow(RangeError);
    expect(() => phnomPenhMidnight('7 Dec')).toThrow(RangeError);
  });

  it('treats spans as half-open: touching spans do not overlap', () => {
    expect(overlaps({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false);
    expect(overlaps({ start: 0, end: 11 }, { start: 10, end: 20 })).toBe(true);
    expect(overlaps({ start: 12, end: 14 }, { start: 10, end: 20 })).toBe(true);
    expect(gapMinutes({ start: 0, end: 60_000 }, { start: 180_000, end: 240_000 })).toBe(2);
    expect(gapMinutes({ start: 180_000, end: 240_000 }, { start: 0, end: 60_000 })).toBe(2);
  });
});
