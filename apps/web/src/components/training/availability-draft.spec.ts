import { Availability } from '@bandanh/contracts';
import {
  availabilityFromForm,
  availabilityValues,
  BLANK_EXCEPTIONS,
  BLANK_WINDOWS,
} from './availability-draft';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe("the trainer's availability editor", () => {
  it('offers the saved rows and blank ones to add, a window ending at midnight kept as 24:00', () => {
    const values = availabilityValues({
      windows: [{ weekday: 5, start: '08:00', end: '24:00' }],
      exceptions: [],
    });
    expect(values.windows).toHaveLength(1 + BLANK_WINDOWS);
    expect(values.windows[0]).toEqual({ weekday: '5', start: '08:00', end: '24:00' });
    expect(values.exceptions).toHaveLength(BLANK_EXCEPTIONS);
  });

  it('leaves blank and removed rows out, gives a one-day leave its last day, and keeps an exception’s id', () => {
    const id = '0d6f6d3e-63a4-4f4b-9d8e-0c8a2f4f5b11';
    const { availability, windowRows, exceptionRows } = availabilityFromForm(
      form({
        windowRows: '3',
        'window.0.weekday': '1',
        'window.0.start': '08:00',
        'window.0.end': '12:00',
        'window.1.weekday': '2',
        'window.1.start': '08:00',
        'window.1.end': '12:00',
        'window.1.remove': 'on',
        'window.2.weekday': '1',
        exceptionRows: '2',
        'exception.0.id': id,
        'exception.0.startDate': '2026-12-16',
        'exception.0.kind': 'leave',
        'exception.1.kind': 'leave',
      }),
    );
    expect(Availability.parse(availability)).toEqual({
      windows: [{ weekday: 1, start: '08:00', end: '12:00' }],
      exceptions: [{ id, startDate: '2026-12-16', endDate: '2026-12-16', kind: 'leave' }],
    });
    expect(windowRows).toEqual([0]);
    expect(exceptionRows).toEqual([0]);
  });

  it('names the row a refused window was typed in, after removed rows close up', () => {
    const { values, availability, windowRows } = availabilityFromForm(
      form({
        windowRows: '3',
        'window.0.weekday': '1',
        'window.0.start': '08:00',
        'window.0.end': '12:00',
        'window.0.remove': 'on',
        'window.1.weekday': '3',
        'window.1.start': '',
        'window.1.end': '',
        'window.2.weekday': '3',
        'window.2.start': '14:00',
        'window.2.end': '10:00',
      }),
    );
    const result = Availability.safeParse(availability);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(['windows', 0, 'end']);
    // The form shows the rows sent back without the removed one: the refused row is its second.
    expect(values.windows).toHaveLength(2);
    expect(windowRows[0]).toBe(1);
  });
});
