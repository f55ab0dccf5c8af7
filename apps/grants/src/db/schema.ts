import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
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
  APPLICATION_STAGES,
  ATTACHMENT_KINDS,
  ATTACHMENT_TYPES,
  GRANT_CURRENCIES,
  REVIEW_STATUSES,
} from '@bandanh/contracts/constants';
import type {
  ActivityPlan,
  ApprovalStep,
  BudgetLine,
  CriterionScore,
  GrantRubricCriterion,
  RoundEligibility,
} from '@bandanh/contracts';
import { idempotencyTable, outboxTable } from '@bandanh/platform/db/tables';

export const grants = pgSchema('grants');

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** An amount in minor units: KHR rounds pass what a 32-bit integer holds. */
const money = (name: string) => bigint(name, { mode: 'number' });

/**
 * A grant round: its envelope (`budget`), what approved grants took from it (`committed`, never
 * above the budget), its limits per grant, dates, who may apply, rubric and approval chain.
 */
export const rounds = grants.table(
  'rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nameKm: text('name_km').notNull(),
    nameEn: text('name_en').notNull(),
    currency: text('currency', { enum: GRANT_CURRENCIES }).notNull(),
    budget: money('budget').notNull(),
    committed: money('committed').notNull().default(0),
    minAmount: money('min_amount').notNull(),
    maxAmount: money('max_amount').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    eligibility: jsonb('eligibility').$type<RoundEligibility>().notNull(),
    rubric: jsonb('rubric').$type<GrantRubricCriterion[]>().notNull(),
    reviewersPerApplication: integer('reviewers_per_application').notNull(),
    blindReview: boolean('blind_review').notNull(),
    approvalChain: jsonb('approval_chain').$type<ApprovalStep[]>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('rounds_committed_within_budget', sql`${t.committed} >= 0 and ${t.committed} <= ${t.budget}`),
    index('rounds_opens_at_idx').on(t.opensAt),
  ],
);

/** What the CBO sees of a decision: approved for an amount, declined or returned with the reason. */
export interface StoredDecision {
  outcome: 'approved' | 'declined' | 'returned';
  amount: number | null;
  reason: string | null;
  decidedAt: string;
}

/** The coordinator's eligibility check, kept with the application. */
export interface StoredEligibility {
  outcome: 'eligible' | 'ineligible';
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

/** A CBO's application to a round: one per CBO and round. */
export const applications = grants.table(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id),
    cboId: uuid('cbo_id').notNull(),
    /** The CBO's names when the application started (for lists and search). */
    cboName: text('cbo_name').notNull(),
    cboNameKm: text('cbo_name_km'),
    stage: text('stage', { enum: APPLICATION_STAGES }).notNull().default('draft'),
    reference: text('reference'),
    currency: text('currency', { enum: GRANT_CURRENCIES }).notNull(),
    plan: jsonb('plan').$type<ActivityPlan>().notNull(),
    budget: jsonb('budget').$type<BudgetLine[]>().notNull(),
    /** What it asks for (total − contribution), kept for lists and the envelope. */
    requested: money('requested').notNull().default(0),
    version: integer('version').notNull().default(1),
    decision: jsonb('decision').$type<StoredDecision>(),
    eligibility: jsonb('eligibility').$type<StoredEligibility>(),
    /** How many times it was submitted (a return and a resubmission make 2). */
    submissions: integer('submissions').notNull().default(0),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('applications_round_cbo_idx').on(t.roundId, t.cboId),
    uniqueIndex('applications_reference_idx').on(t.reference),
    index('applications_round_stage_idx').on(t.roundId, t.stage),
    index('applications_cbo_idx').on(t.cboId),
  ],
);

/** A file attached to an application: the gateway's upload, its content already checked. */
export const attachments = grants.table(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    uploadId: text('upload_id').notNull(),
    kind: text('kind', { enum: ATTACHMENT_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type', { enum: ATTACHMENT_TYPES }).notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('attachments_application_upload_idx').on(t.applicationId, t.uploadId)],
);

/** A reviewer's assignment to an application: declared, then scored (or ended by a conflict). */
export const reviews = grants.table(
  'reviews',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    reviewerId: uuid('reviewer_id').notNull(),
    reviewerName: text('reviewer_name'),
    status: text('status', { enum: REVIEW_STATUSES }).notNull().default('assigned'),
    conflictNote: text('conflict_note'),
    scores: jsonb('scores').$type<CriterionScore[]>().notNull().default([]),
    comment: text('comment').notNull().default(''),
    /** The weighted score out of 100. */
    total: doublePrecision('total'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    declaredAt: timestamp('declared_at', { withTimezone: true }),
    scoredAt: timestamp('scored_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.reviewerId] }),
    index('reviews_reviewer_idx').on(t.reviewerId, t.status),
  ],
);

/** A relationship a staff member has with a CBO: they never review its applications. */
export const relationships = grants.table(
  'relationships',
  {
    userId: uuid('user_id').notNull(),
    cboId: uuid('cbo_id').notNull(),
    cboName: text('cbo_name'),
    note: text('note').notNull(),
    /** Declared by the person, or a conflict they declared on one of its applications. */
    source: text('source', { enum: ['declared', 'conflict'] })
      .notNull()
      .default('declared'),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.cboId] }), index('relationships_cbo_idx').on(t.cboId)],
);

/** Every decision on an application, in order: each step of the chain, and the final word. */
export const decisions = grants.table(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    cycle: integer('cycle').notNull(),
    outcome: text('outcome', { enum: ['step_approved', 'approved', 'declined', 'returned'] }).notNull(),
    step: integer('step'),
    role: text('role'),
    decidedBy: uuid('decided_by'),
    amount: money('amount'),
    reason: text('reason'),
    eventId: text('event_id').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('decisions_application_idx').on(t.applicationId)],
);

export const idempotencyKeys = idempotencyTable(grants);
export const outbox = outboxTable(grants);

export type RoundRow = typeof rounds.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;
export type RelationshipRow = typeof relationships.$inferSelect;
export type DecisionRow = typeof decisions.$inferSelect;
