import { z } from 'zod';
import { defineContract } from '../contract';
import { IdempotencyKey } from '../network/cbo';
import { ProvinceCode } from '../network/provinces';
import { SESSION_LANGUAGES } from '../constants/training';

export { SESSION_LANGUAGES };
import { ModuleId } from './modules';

export const SessionLanguage = z.enum(SESSION_LANGUAGES, { error: 'Choose Khmer or English' });

export const SESSION_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export const SessionStatus = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof SessionStatus>;

const place = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

/** Where a session is held: a place (province, district, commune, the place itself), or online. */
export const SessionVenue = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('place'),
      provinceCode: ProvinceCode,
      district: place('District', 120),
      commune: place('Commune', 120),
      place: place('Place', 200),
    }),
    z.object({ kind: z.literal('online') }),
  ],
  { error: 'Choose a place or online' },
);
export type SessionVenue = z.infer<typeof SessionVenue>;

const Instant = (what: string) =>
  z.iso.datetime({ offset: true, error: `Give the ${what} as a date and time` });

/** What a scheduler writes for a new session. */
export const SessionDraft = z.object({
  moduleId: ModuleId,
  trainerIds: z
    .array(z.uuid({ error: 'A trainer id must be a UUID' }))
    .min(1, 'Choose at least one trainer')
    .max(4, 'At most four trainers')
    .refine((ids) => new Set(ids).size === ids.length, 'Each trainer once'),
  startsAt: Instant('start'),
  endsAt: Instant('end'),
  venue: SessionVenue,
  capacity: z
    .number({ error: 'Give the number of seats' })
    .int('Give a whole number of seats')
    .min(1, 'A session has at least one seat')
    .max(500, 'At most 500 seats'),
  minimumAttendance: z
    .number({ error: 'Give the minimum attendance' })
    .int('Give a whole number')
    .min(0, 'The minimum cannot be negative'),
  language: SessionLanguage,
  /** How many confirmed seats one CBO may hold; left out for the TRAINING_SEATS_PER_CBO setting. */
  perCboLimit: z
    .number({ error: 'Give the number of seats per CBO' })
    .int('Give a whole number of seats per CBO')
    .min(1, 'A CBO may send at least one member')
    .max(500, 'At most 500 seats per CBO')
    .optional(),
});
export type SessionDraft = z.output<typeof SessionDraft>;

export const TrainingSession = z.object({
  id: z.uuid(),
  moduleId: z.string(),
  trainerIds: z.array(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  venue: SessionVenue,
  capacity: z.number().int(),
  minimumAttendance: z.number().int(),
  language: SessionLanguage,
  /** Confirmed seats one CBO may hold; null for the service's TRAINING_SEATS_PER_CBO setting. */
  perCboLimit: z.number().int().nullable().optional(),
  /** How many seats are taken and how many wait (in the list and get answers). */
  seats: z.object({ confirmed: z.number().int(), waitlisted: z.number().int() }).optional(),
  status: SessionStatus,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type TrainingSession = z.infer<typeof TrainingSession>;

/**
 * Schedules a session, once per idempotency key. A session the rules refuse is a CONFLICT whose
 * `details.reason` is the first `TrainingScheduleRefusal` and `details.refusals` every one, each
 * with the trainer and the session or exception it concerns.
 */
export const createTrainingSession = defineContract({
  subject: 'training.session.create',
  request: z.object({ idempotencyKey: IdempotencyKey, session: SessionDraft }),
  response: z.object({ session: TrainingSession, created: z.boolean() }),
});

/** Sessions starting from `from` (an instant) until `to`, optionally of one trainer, by start. */
export const listTrainingSessions = defineContract({
  subject: 'training.session.list',
  request: z.object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    trainerId: z.uuid().optional(),
  }),
  response: z.object({ items: z.array(TrainingSession) }),
});

export const getTrainingSession = defineContract({
  subject: 'training.session.get',
  request: z.object({ id: z.uuid() }),
  response: z.object({ session: TrainingSession }),
});

/** The HTTP answers. */
export const TrainingSessionList = z.object({ items: z.array(TrainingSession) });
export type TrainingSessionList = z.infer<typeof TrainingSessionList>;
export const TrainingSessionView = z.object({ session: TrainingSession });
export type TrainingSessionView = z.infer<typeof TrainingSessionView>;
export const SavedTrainingSession = z.object({ session: TrainingSession, created: z.boolean() });
export type SavedTrainingSession = z.infer<typeof SavedTrainingSession>;
