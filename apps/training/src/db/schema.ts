import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  SEAT_STATUSES,
  SESSION_LANGUAGES,
  SESSION_STATUSES,
  type AvailabilityWindow,
  type SessionVenue,
  type StoredException,
} from '@bandanh/contracts';
import { idempotencyTable, outboxTable } from '@bandanh/platform/db/tables';

export const training = pgSchema('training');

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** The catalogue: each module by its stable slug. */
export const modules = training.table('modules', {
  id: text('id').primaryKey(),
  titleKm: text('title_km').notNull(),
  titleEn: text('title_en').notNull(),
  descriptionKm: text('description_km').notNull(),
  descriptionEn: text('description_en').notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  requiredForGrants: boolean('required_for_grants').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * A trainer's profile, one per staff account: what they may teach, where they travel, and when
 * they are free (weekly windows and dated exceptions, Phnom Penh time), kept whole as the
 * editor saves it.
 */
export const trainers = training.table('trainers', {
  userId: uuid('user_id').primaryKey(),
  moduleIds: text('module_ids')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  provinceCodes: text('province_codes')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  windows: jsonb('windows').$type<AvailabilityWindow[]>().notNull().default([]),
  exceptions: jsonb('exceptions').$type<StoredException[]>().notNull().default([]),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A scheduled session: a module, its trainers, when and where (or online), and its seats. */
export const sessions = training.table(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    moduleId: text('module_id')
      .notNull()
      .references(() => modules.id),
    trainerIds: uuid('trainer_ids').array().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    venue: jsonb('venue').$type<SessionVenue>().notNull(),
    /** The venue's province, null online: for lists by province. */
    provinceCode: text('province_code'),
    capacity: integer('capacity').notNull(),
    /** How many confirmed seats one CBO may hold; null for the TRAINING_SEATS_PER_CBO setting. */
    perCboLimit: integer('per_cbo_limit'),
    minimumAttendance: integer('minimum_attendance').notNull(),
    language: text('language', { enum: SESSION_LANGUAGES }).notNull(),
    status: text('status', { enum: SESSION_STATUSES }).notNull().default('scheduled'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('sessions_starts_at_idx').on(t.startsAt),
    index('sessions_trainers_idx').using('gin', t.trainerIds),
  ],
);

/** A CBO member's seat at a session, or their place on its waitlist, or their declined request. */
export const seats = training.table(
  'seats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    cboId: uuid('cbo_id').notNull(),
    memberId: uuid('member_user_id').notNull(),
    status: text('status', { enum: SEAT_STATUSES }).notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('seats_session_member_idx').on(t.sessionId, t.memberId),
    index('seats_session_status_idx').on(t.sessionId, t.status),
  ],
);

export const idempotencyKeys = idempotencyTable(training);
export const outbox = outboxTable(training);

export type ModuleRow = typeof modules.$inferSelect;
export type TrainerRow = typeof trainers.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type SeatRow = typeof seats.$inferSelect;
