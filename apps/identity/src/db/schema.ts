import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ACCOUNT_KINDS, AUDIT_OUTCOMES, NOTIFICATION_LOCALES, type StaffRole } from '@bandanh/contracts';
import { idempotencyTable, outboxTable } from '@bandanh/platform/db/tables';

export const identity = pgSchema('identity');

const at = (name: string) => timestamp(name, { withTimezone: true });

export const users = identity.table(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull().unique(),
    displayName: text('display_name').notNull(),
    kind: text('kind', { enum: ACCOUNT_KINDS }).notNull(),
    roles: text('roles')
      .array()
      .$type<StaffRole[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The applicant's CBO (owned by the network service; no foreign key across schemas). */
    cboId: uuid('cbo_id'),
    passwordHash: text('password_hash').notNull(),
    /** Sealed with the identity encryption key; enabled once confirmed with a code. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: at('totp_enabled_at'),
    /** The last TOTP time step accepted, so a code cannot be replayed. */
    totpLastStep: integer('totp_last_step'),
    disabledAt: at('disabled_at'),
    /** The language the person reads (the page they signed up on): their emails are written in it. */
    locale: text('locale', { enum: NOTIFICATION_LOCALES }).notNull().default('km'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('users_cbo_idx').on(t.cboId)],
);

export const recoveryCodes = identity.table(
  'recovery_codes',
  {
    userId: uuid('user_id').notNull(),
    codeHash: text('code_hash').notNull().primaryKey(),
    usedAt: at('used_at'),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

export const sessions = identity.table(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** sha256 of the cookie's token: a database dump yields no usable session. */
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
    endedAt: at('ended_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** A sign-in whose password was right, waiting for its second factor; single-use, short-lived. */
export const signInChallenges = identity.table('sign_in_challenges', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  email: text('email').notNull(),
  expiresAt: at('expires_at').notNull(),
  usedAt: at('used_at'),
});

/** Failed sign-ins per email address, known or not, so that both answer alike. */
export const signInAttempts = identity.table('sign_in_attempts', {
  email: text('email').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: at('locked_until'),
  lastFailureAt: at('last_failure_at'),
});

/**
 * Password reset links: only the token's hash is kept. Single-use (`usedAt`), replaced by the
 * next one asked for (`replacedAt`), and dead after `expiresAt`.
 */
export const passwordResetTokens = identity.table(
  'password_reset_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id').notNull(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    replacedAt: at('replaced_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('password_reset_tokens_user_idx').on(t.userId, t.createdAt)],
);

export const invitations = identity.table('invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  tokenHash: text('token_hash').notNull().unique(),
  email: text('email').notNull(),
  roles: text('roles').array().$type<StaffRole[]>().notNull(),
  invitedBy: uuid('invited_by').notNull(),
  expiresAt: at('expires_at').notNull(),
  acceptedAt: at('accepted_at'),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const cboLinkCodes = identity.table('cbo_link_codes', {
  codeHash: text('code_hash').primaryKey(),
  cboId: uuid('cbo_id').notNull(),
  issuedBy: uuid('issued_by').notNull(),
  expiresAt: at('expires_at').notNull(),
  usedBy: uuid('used_by'),
  usedAt: at('used_at'),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const cboClaims = identity.table(
  'cbo_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    cboName: text('cbo_name').notNull(),
    provinceCode: text('province_code').notNull(),
    note: text('note').notNull().default(''),
    status: text('status', { enum: ['pending', 'confirmed', 'declined'] })
      .notNull()
      .default('pending'),
    cboId: uuid('cbo_id'),
    decidedBy: uuid('decided_by'),
    decisionReason: text('decision_reason'),
    createdAt: at('created_at').notNull().defaultNow(),
    decidedAt: at('decided_at'),
  },
  (t) => [index('cbo_claims_status_idx').on(t.status), index('cbo_claims_user_idx').on(t.userId)],
);

/** Append-only (a trigger refuses UPDATE and DELETE); each entry carries the hash of the one before. */
export const auditLog = identity.table(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: at('at').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    outcome: text('outcome', { enum: AUDIT_OUTCOMES }).notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** The event a service records (a workflow step's id): a retried append records it once. */
    eventId: text('event_id').unique(),
  },
  (t) => [
    // The audit page's filters, each read newest first by seq (`audit.repository.ts` auditFilter).
    index('audit_log_action_idx').on(t.action, t.seq),
    index('audit_log_actor_idx').on(t.actorId, t.seq),
    index('audit_log_target_idx').on(t.targetType, t.targetId, t.seq),
    index('audit_log_cbo_idx').on(sql`(${t.details}->>'cboId')`, t.seq),
  ],
);

export const idempotencyKeys = idempotencyTable(identity);

/**
 * Messages to other services committed with the change they follow (a reset link's email):
 * the outbox relay sends them (`src/outbox/`), and deletes each once delivered, since a
 * message may carry a secret (the link).
 */
export const outbox = outboxTable(identity);

export type UserRow = typeof users.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
