import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ATTENDANCE_MARKS,
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
    /** Why it was cancelled, once it is. */
    cancelReason: text('cancel_reason'),
    /** When the workflow held it: the expected attendees are frozen then. */
    heldAt: timestamp('held_at', { withTimezone: true }),
    /** The attendance sheet: when and by whom it was recorded, once. */
    attendanceRecordedAt: timestamp('attendance_recorded_at', { withTimezone: true }),
    attendanceRecordedBy: text('attendance_recorded_by'),
    /** When its completion was worked out and its certificates issued, once. */
    completedAt: timestamp('completed_at', { withTimezone: true }),
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

/** A CBO invited to a session, in invitation order (the session's province first). */
export const invitations = training.table(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    cboId: uuid('cbo_id').notNull(),
    /** The CBO's province when it was invited. */
    provinceCode: text('province_code'),
    /** Its place in the invitation order, from 1. */
    rank: integer('rank').notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
    /** The workflow's event that invited it. */
    eventId: text('event_id').notNull(),
  },
  (t) => [
    uniqueIndex('invitations_session_cbo_idx').on(t.sessionId, t.cboId),
    index('invitations_cbo_idx').on(t.cboId),
  ],
);

/**
 * A session's attendance sheet: one row per expected attendee (the confirmed seats when it was
 * held), its mark null until the sheet is recorded.
 */
export const attendance = training.table(
  'attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    memberId: uuid('member_user_id').notNull(),
    cboId: uuid('cbo_id').notNull(),
    mark: text('mark', { enum: ATTENDANCE_MARKS }),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.memberId] })],
);

/** A module a CBO completed, by the session that completed it; once per CBO and module. */
export const completions = training.table(
  'completions',
  {
    cboId: uuid('cbo_id').notNull(),
    moduleId: text('module_id')
      .notNull()
      .references(() => modules.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cboId, t.moduleId] })],
);

/** A member's certificate: every printed field kept as it was when issued; once per session and member. */
export const certificates = training.table(
  'certificates',
  {
    code: text('code').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    memberId: uuid('member_user_id').notNull(),
    memberName: text('member_name').notNull(),
    cboId: uuid('cbo_id').notNull(),
    cboName: text('cbo_name').notNull(),
    cboNameKm: text('cbo_name_km'),
    moduleId: text('module_id').notNull(),
    moduleTitleKm: text('module_title_km').notNull(),
    moduleTitleEn: text('module_title_en').notNull(),
    sessionDate: timestamp('session_date', { withTimezone: true }).notNull(),
    trainerNames: text('trainer_names').array().notNull(),
    language: text('language').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('certificates_session_member_idx').on(t.sessionId, t.memberId),
    index('certificates_cbo_idx').on(t.cboId),
  ],
);

/** A trainer's secret calendar feed: only the token's SHA-256 is kept. */
export const calendarTokens = training.table(
  'calendar_tokens',
  {
    trainerId: uuid('trainer_user_id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('calendar_tokens_hash_idx').on(t.tokenHash)],
);

export const idempotencyKeys = idempotencyTable(training);
export const outbox = outboxTable(training);

export type ModuleRow = typeof modules.$inferSelect;
export type TrainerRow = typeof trainers.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type SeatRow = typeof seats.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;
export type AttendanceRow = typeof attendance.$inferSelect;
export type CertificateRow = typeof certificates.$inferSelect;
