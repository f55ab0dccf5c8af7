import { z } from 'zod';
import { defineContract } from '../contract';
import { ProvinceCode } from '../network/provinces';
import { EXCEPTION_KINDS } from '../constants/training';

export { EXCEPTION_KINDS };
import { ModuleId } from './modules';

/**
 * Trainers: the staff accounts holding the trainer role, the modules each may teach, the
 * provinces they travel to, and when they are free, in Phnom Penh time (UTC+7 all year):
 * weekly recurring windows, and dated exceptions (leave, other work) when they are not.
 */

export const ExceptionKind = z.enum(EXCEPTION_KINDS, { error: 'Choose leave or other work' });
export type ExceptionKind = z.infer<typeof ExceptionKind>;

const TIME_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** A wall-clock time, `HH:MM`; `24:00` ends a window at midnight. */
export const LocalTime = z
  .string({ error: 'Give a time as HH:MM' })
  .regex(TIME_PATTERN, 'Give a time as HH:MM, e.g. 08:30');

/** A calendar date, `YYYY-MM-DD`. */
export const LocalDate = z
  .string({ error: 'Give a date as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give a date as YYYY-MM-DD')
  .refine((value) => {
    const ms = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
  }, 'This is not a date in the calendar');

/** ISO weekday: 1 is Monday, 7 is Sunday. */
export const Weekday = z
  .number({ error: 'Choose a day of the week' })
  .int('Choose a day of the week')
  .min(1, 'Choose a day of the week from 1 (Monday) to 7 (Sunday)')
  .max(7, 'Choose a day of the week from 1 (Monday) to 7 (Sunday)');

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
/** Whether `end` comes after `start`; a malformed time has its own issue, so it does not count here. */
const endsAfter = (start: string, end: string) =>
  !TIME_PATTERN.test(start) || !TIME_PATTERN.test(end) || minutes(end) > minutes(start);

/** A weekly window when the trainer is free: a weekday, from `start` to `end`. */
export const AvailabilityWindow = z
  .object({ weekday: Weekday, start: LocalTime, end: LocalTime })
  .refine((w) => endsAfter(w.start, w.end), {
    message: 'The end must be after the start',
    path: ['end'],
  });
export type AvailabilityWindow = z.infer<typeof AvailabilityWindow>;

/**
 * A dated exception: from `startDate` (at `startTime`, else the start of the day) to `endDate`
 * (at `endTime`, else the end of the day) the trainer is away.
 */
export const AvailabilityException = z
  .object({
    /** Kept across edits; a new exception gets one when it is saved. */
    id: z.uuid().optional(),
    startDate: LocalDate,
    endDate: LocalDate,
    startTime: LocalTime.optional(),
    endTime: LocalTime.optional(),
    kind: ExceptionKind,
    note: z.string().trim().max(500, 'The note must be at most 500 characters').optional(),
  })
  .refine((e) => e.endDate >= e.startDate, {
    message: 'The last day cannot be before the first',
    path: ['endDate'],
  })
  .refine((e) => e.endDate !== e.startDate || endsAfter(e.startTime ?? '00:00', e.endTime ?? '24:00'), {
    message: 'The end must be after the start',
    path: ['endTime'],
  });
export type AvailabilityException = z.output<typeof AvailabilityException>;

/** A trainer's availability: windows that do not overlap on a weekday, and exceptions. */
export const Availability = z.object({
  windows: z
    .array(AvailabilityWindow)
    .max(50, 'At most 50 weekly windows')
    .superRefine((windows, ctx) => {
      windows.forEach((window, i) => {
        const clash = windows.findIndex(
          (other, j) =>
            j < i &&
            endsAfter(other.start, other.end) &&
            endsAfter(window.start, window.end) &&
            other.weekday === window.weekday &&
            minutes(other.start) < minutes(window.end) &&
            minutes(window.start) < minutes(other.end),
        );
        if (clash >= 0) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'start'],
            message: `This window overlaps window ${clash + 1} on the same day`,
          });
        }
      });
    }),
  exceptions: z.array(AvailabilityException).max(200, 'At most 200 exceptions'),
});
export type Availability = z.output<typeof Availability>;

const distinct = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).refine((items) => new Set(items).size === items.length, `Each ${what} once`);

/** What an admin or coordinator keeps of a trainer. */
export const TrainerDraft = Availability.extend({
  moduleIds: distinct(ModuleId, 'module'),
  provinceCodes: distinct(ProvinceCode, 'province'),
  active: z.boolean().default(true),
});
export type TrainerDraft = z.output<typeof TrainerDraft>;

export const StoredException = z.object({
  id: z.uuid(),
  startDate: z.string(),
  endDate: z.string(),
  startTime: z.string().optional(),
  endTime: z.string().optional(),
  kind: ExceptionKind,
  note: z.string().optional(),
});
export type StoredException = z.infer<typeof StoredException>;

export const Trainer = z.object({
  /** The trainer's staff account. */
  userId: z.uuid(),
  moduleIds: z.array(z.string()),
  provinceCodes: z.array(z.string()),
  windows: z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
  exceptions: z.array(StoredException),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type Trainer = z.infer<typeof Trainer>;

export const listTrainers = defineContract({
  subject: 'training.trainer.list',
  request: z.object({
    moduleId: z.string().optional(),
    provinceCode: z.string().optional(),
    includeInactive: z.boolean().default(false),
  }),
  response: z.object({ items: z.array(Trainer) }),
});

export const getTrainer = defineContract({
  subject: 'training.trainer.get',
  request: z.object({ userId: z.uuid() }),
  response: z.object({ trainer: Trainer }),
});

/** The calling trainer's own profile. */
export const getOwnTrainer = defineContract({
  subject: 'training.trainer.mine',
  request: z.object({}),
  response: z.object({ trainer: Trainer }),
});

/** Adds or replaces a trainer's profile (PUT: a retry changes nothing more). */
export const saveTrainer = defineContract({
  subject: 'training.trainer.save',
  request: z.object({ userId: z.uuid(), trainer: TrainerDraft }),
  response: z.object({ trainer: Trainer, created: z.boolean() }),
});

/** Replaces a trainer's availability: the trainer's own (no `userId`), or any for a coordinator. */
export const updateTrainerAvailability = defineContract({
  subject: 'training.trainer.availability',
  request: z.object({ userId: z.uuid().optional(), availability: Availability }),
  response: z.object({ trainer: Trainer }),
});

/** The HTTP answers: a list of trainers, one trainer, and one just saved. */
export const TrainerList = z.object({ items: z.array(Trainer) });
export type TrainerList = z.infer<typeof TrainerList>;
export const TrainerView = z.object({ trainer: Trainer });
export type TrainerView = z.infer<typeof TrainerView>;
/** The trainer, and whether this request added the profile (false: it replaced one). */
export const SavedTrainer = z.object({ trainer: Trainer, created: z.boolean() });
export type SavedTrainer = z.infer<typeof SavedTrainer>;
