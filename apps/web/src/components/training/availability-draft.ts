import type { Trainer } from '@bandanh/contracts';
import { text } from '@/components/programme-settings/form-state';

/** One weekly window as typed: a weekday (1 Monday … 7 Sunday), from and to. */
export interface WindowValues {
  weekday: string;
  start: string;
  end: string;
}

/** One dated exception as typed (its id kept across edits). */
export interface ExceptionValues {
  id: string;
  startDate: string;
  endDate: string;
  startTime: string;
  endTime: string;
  kind: string;
  note: string;
}

export interface AvailabilityValues {
  windows: WindowValues[];
  exceptions: ExceptionValues[];
}

/** Blank rows the editor offers below those saved. */
export const BLANK_WINDOWS = 3;
export const BLANK_EXCEPTIONS = 2;
const MAX_ROWS = 250;

const blankWindow = (): WindowValues => ({ weekday: '1', start: '', end: '' });
const blankException = (): ExceptionValues => ({
  id: '',
  startDate: '',
  endDate: '',
  startTime: '',
  endTime: '',
  kind: 'leave',
  note: '',
});

/** The editor's rows: the trainer's saved windows and exceptions, and blank rows to add more. */
export function availabilityValues(trainer: Pick<Trainer, 'windows' | 'exceptions'>): AvailabilityValues {
  return {
    windows: [
      ...trainer.windows.map((w) => ({ weekday: String(w.weekday), start: w.start, end: w.end })),
      ...Array.from({ length: BLANK_WINDOWS }, blankWindow),
    ],
    exceptions: [
      ...trainer.exceptions.map((e) => ({
        id: e.id,
        startDate: e.startDate,
        endDate: e.endDate,
        startTime: e.startTime ?? '',
        endTime: e.endTime ?? '',
        kind: e.kind,
        note: e.note ?? '',
      })),
      ...Array.from({ length: BLANK_EXCEPTIONS }, blankException),
    ],
  };
}

const rowCount = (formData: FormData, name: string) =>
  Math.min(MAX_ROWS, Math.max(0, Number.parseInt(text(formData, name), 10) || 0));

/**
 * What the editor sent: the rows as typed (to show again), the availability the API takes
 * (blank and removed rows left out), and for each row sent the form row it came from.
 */
export function availabilityFromForm(formData: FormData) {
  const field = (name: string) => text(formData, name).trim().slice(0, 600);
  const windows: WindowValues[] = [];
  const exceptions: ExceptionValues[] = [];
  const windowRows: number[] = [];
  const exceptionRows: number[] = [];
  const sentWindows: Array<{ weekday: number; start: string; end: string }> = [];
  const sentExceptions: Array<Record<string, string | undefined>> = [];

  for (let row = 0; row < rowCount(formData, 'windowRows'); row++) {
    const value = {
      weekday: field(`window.${row}.weekday`),
      start: field(`window.${row}.start`),
      end: field(`window.${row}.end`),
    };
    if (formData.get(`window.${row}.remove`) === 'on') continue;
    windows.push(value);
    if (!value.start && !value.end) continue;
    windowRows.push(windows.length - 1);
    sentWindows.push({ weekday: Number(value.weekday), start: value.start, end: value.end });
  }
  for (let row = 0; row < rowCount(formData, 'exceptionRows'); row++) {
    const value: ExceptionValues = {
      id: field(`exception.${row}.id`),
      startDate: field(`exception.${row}.startDate`),
      endDate: field(`exception.${row}.endDate`),
      startTime: field(`exception.${row}.startTime`),
      endTime: field(`exception.${row}.endTime`),
      kind: field(`exception.${row}.kind`),
      note: field(`exception.${row}.note`),
    };
    if (formData.get(`exception.${row}.remove`) === 'on') continue;
    exceptions.push(value);
    if (!value.startDate && !value.endDate) continue;
    exceptionRows.push(exceptions.length - 1);
    sentExceptions.push({
      id: value.id || undefined,
      startDate: value.startDate,
      // A single day needs only its first date.
      endDate: value.endDate || value.startDate,
      startTime: value.startTime || undefined,
      endTime: value.endTime || undefined,
      kind: value.kind,
      note: value.note || undefined,
    });
  }
  return {
    values: { windows, exceptions },
    availability: { windows: sentWindows, exceptions: sentExceptions },
    windowRows,
    exceptionRows,
  };
}
