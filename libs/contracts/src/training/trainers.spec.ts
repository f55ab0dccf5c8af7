import { Availability, TrainerDraft } from './trainers';

/** The paths and messages of what a parse refused. */
function issues(result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) {
  return (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]);
}

describe("a trainer's availability", () => {
  it('takes weekly windows that do not overlap and exceptions, whole days or with times', () => {
    const parsed = Availability.parse({
      windows: [
        { weekday: 1, start: '08:00', end: '12:00' },
        { weekday: 1, start: '12:00', end: '17:00' },
        { weekday: 7, start: '18:00', end: '24:00' },
      ],
      exceptions: [
        { startDate: '2026-12-24', endDate: '2026-12-26', kind: 'leave' },
        {
          startDate: '2027-01-05',
          endDate: '2027-01-05',
          startTime: '13:00',
          endTime: '15:00',
          kind: 'other_work',
        },
      ],
    });
    expect(parsed.windows).toHaveLength(3);
  });

  it('refuses a window that ends before it starts, or overlaps another on its day, naming the field', () => {
    const result = Availability.safeParse({
      windows: [
        { weekday: 2, start: '10:00', end: '09:00' },
        { weekday: 3, start: '08:00', end: '12:00' },
        { weekday: 3, start: '11:00', end: '14:00' },
        { weekday: 8, start: '08:00', end: '09:00' },
        { weekday: 4, start: '8:00', end: '09:00' },
      ],
      exceptions: [],
    });
    expect(issues(result)).toEqual([
      ['windows.0.end', 'The end must be after the start'],
      ['windows.3.weekday', 'Choose a day of the week from 1 (Monday) to 7 (Sunday)'],
      ['windows.4.start', 'Give a time as HH:MM, e.g. 08:30'],
      ['windows.2.start', 'This window overlaps window 2 on the same day'],
    ]);
  });

  it('refuses an exception that ends before it starts, or a date not in the calendar', () => {
    const result = Availability.safeParse({
      windows: [],
      exceptions: [
        { startDate: '2026-12-26', endDate: '2026-12-24', kind: 'leave' },
        {
          startDate: '2026-12-24',
          endDate: '2026-12-24',
          startTime: '15:00',
          endTime: '13:00',
          kind: 'leave',
        },
        { startDate: '2026-02-30', endDate: '2026-03-01', kind: 'holiday' },
      ],
    });
    expect(issues(result)).toEqual([
      ['exceptions.0.endDate', 'The last day cannot be before the first'],
      ['exceptions.1.endTime', 'The end must be after the start'],
      ['exceptions.2.startDate', 'This is not a date in the calendar'],
      ['exceptions.2.kind', 'Choose leave or other work'],
    ]);
  });

  it('lists each module and province of a trainer once, from the reference list', () => {
    const result = TrainerDraft.safeParse({
      moduleIds: ['advocacy', 'advocacy'],
      provinceCodes: ['KH-99'],
      windows: [],
      exceptions: [],
    });
    expect(issues(result)).toEqual([
      ['moduleIds', 'Each module once'],
      ['provinceCodes.0', 'Choose a province from the list'],
    ]);
  });
});
