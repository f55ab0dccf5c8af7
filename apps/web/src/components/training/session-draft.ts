import type { FieldIssue } from '@bandanh/contracts';
import { errorsFrom, text } from '@/components/programme-settings/form-state';
import { SCHEDULE_REFUSALS, type ScheduleRefusal } from './constants';
import { instantOf, isLocalDate, isLocalTime } from './time';

/**
 * The schedule form between the page and its action: what was typed, kept as text to show it
 * again, and the draft the API takes. Times are Phnom Penh's (the form has a date, a start and
 * an end time; a session starts and ends on one day).
 */
export interface SessionValues {
  moduleId: string;
  trainerId: string;
  date: string;
  startTime: string;
  endTime: string;
  venueKind: 'place' | 'online';
  provinceCode: string;
  district: string;
  commune: string;
  place: string;
  capacity: string;
  minimumAttendance: string;
  perCboLimit: string;
  language: string;
}

export const blankSession = (values: Partial<SessionValues> = {}): SessionValues => ({
  moduleId: '',
  trainerId: '',
  date: '',
  startTime: '',
  endTime: '',
  venueKind: 'place',
  provinceCode: '',
  district: '',
  commune: '',
  place: '',
  capacity: '20',
  minimumAttendance: '5',
  perCboLimit: '',
  language: 'km',
  ...values,
});

const FIELDS = Object.keys(blankSession()) as Array<keyof SessionValues>;

export function sessionFromForm(formData: FormData): SessionValues {
  const values = Object.fromEntries(
    FIELDS.map((field) => [field, text(formData, field).trim().slice(0, 400)]),
  ) as unknown as SessionValues;
  values.venueKind = values.venueKind === 'online' ? 'online' : 'place';
  return values;
}

/** A count as the API takes it: a number, or undefined when blank (the contract says it is missing). */
const count = (value: string) => (value === '' ? undefined : Number(value));

/** The draft for `POST /api/training/sessions`; an unreadable date or time leaves the instant blank. */
export function draftOf(values: SessionValues) {
  const at = (time: string) =>
    isLocalDate(values.date) && isLocalTime(time) ? instantOf(values.date, time) : '';
  return {
    moduleId: values.moduleId,
    trainerIds: values.trainerId ? [values.trainerId] : [],
    startsAt: at(values.startTime),
    endsAt: at(values.endTime),
    venue:
      values.venueKind === 'online'
        ? { kind: 'online' as const }
        : {
            kind: 'place' as const,
            provinceCode: values.provinceCode,
            district: values.district,
            commune: values.commune,
            place: values.place,
          },
    capacity: count(values.capacity),
    minimumAttendance: count(values.minimumAttendance),
    perCboLimit: count(values.perCboLimit),
    language: values.language,
  };
}

/**
 * The form's field and message key (`training.schedule.fieldErrors`) of each of the contract's
 * issues: `startsAt` shows on the date and start, `venue.place` on the place, and so on.
 */
export function sessionErrors(issues: ReadonlyArray<Pick<FieldIssue, 'path' | 'code'>>) {
  return errorsFrom(issues, ([field, part], code) => {
    switch (field) {
      case 'moduleId':
        return ['moduleId', 'moduleId'];
      case 'trainerIds':
        return ['trainerId', 'trainerId'];
      case 'startsAt':
        return ['startTime', 'startTime'];
      case 'endsAt':
        return ['endTime', 'endTime'];
      case 'venue':
        if (part === 'provinceCode') return ['provinceCode', 'provinceCode'];
        if (part === 'district' || part === 'commune' || part === 'place')
          return [part, code === 'too_big' ? 'tooLong' : part];
        return ['venueKind', 'venueKind'];
      case 'capacity':
      case 'minimumAttendance':
      case 'perCboLimit':
      case 'language':
        return [field, field];
      default:
        return undefined;
    }
  });
}

/** Every rule a refused session broke (`details.refusals`), as the form lists them. */
export function refusalsOf(details: Record<string, unknown> | undefined): ScheduleRefusal[] {
  const listed = Array.isArray(details?.refusals) ? (details.refusals as unknown[]) : [];
  const refusals: ScheduleRefusal[] = [];
  for (const entry of listed) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { code, trainerId, sessionId } = entry as Record<string, unknown>;
    if (!(SCHEDULE_REFUSALS as readonly unknown[]).includes(code)) continue;
    refusals.push({
      code: code as ScheduleRefusal['code'],
      ...(typeof trainerId === 'string' ? { trainerId } : {}),
      ...(typeof sessionId === 'string' ? { sessionId } : {}),
    });
  }
  // A refusal without the list still names its reason.
  const reason = details?.reason;
  if (refusals.length === 0 && (SCHEDULE_REFUSALS as readonly unknown[]).includes(reason)) {
    refusals.push({ code: reason as ScheduleRefusal['code'] });
  }
  return refusals;
}
