import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  CBO_PURPOSES,
  DISCOVERY_CHANNELS,
  DUPLICATE_DECISIONS,
  FOCUS_ISSUES,
  HOTLINE_CHANNELS,
  PIPELINE_STAGES,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  REGISTRATION_STATUSES,
  SELECTION_OUTCOMES,
  TARGET_METRICS,
  UNOPENED_PROVINCE_POLICIES,
  type CboContact,
  type FocusIssue,
  type Rubric,
  type ScorePart,
} from '@bandanh/contracts';
import { idempotencyTable, outboxTable } from '@bandanh/platform/db/tables';

export const network = pgSchema('network');

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const cbos = network.table(
  'cbos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    nameKm: text('name_km'),
    provinceCode: text('province_code').notNull(),
    district: text('district'),
    commune: text('commune'),
    village: text('village'),
    focusIssues: text('focus_issues', { enum: FOCUS_ISSUES })
      .array()
      .$type<FocusIssue[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    purpose: text('purpose', { enum: CBO_PURPOSES }).notNull().default('human_rights'),
    membersCount: integer('members_count'),
    contacts: jsonb('contacts').$type<CboContact[]>().notNull().default([]),
    publishContacts: boolean('publish_contacts').notNull().default(false),
    about: text('about'),
    foundVia: text('found_via', { enum: DISCOVERY_CHANNELS }).notNull(),
    foundOn: date('found_on').notNull().defaultNow(),
    /** The staff member who recorded it; null for a self-application. */
    foundBy: uuid('found_by'),
    fieldVisitId: uuid('field_visit_id'),
    /** For a group's own application: CBOs already recorded that look like it, for a coordinator to check. */
    likelyDuplicateOf: uuid('likely_duplicate_of')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** A coordinator's word on the likely duplicates: a different group, or merged into `duplicateOf`. */
    duplicateDecision: text('duplicate_decision', { enum: DUPLICATE_DECISIONS }),
    /** The existing CBO this one was merged into (then withdrawn as its duplicate). */
    duplicateOf: uuid('duplicate_of'),
    duplicateDecidedBy: uuid('duplicate_decided_by'),
    duplicateDecidedAt: timestamp('duplicate_decided_at', { withTimezone: true }),
    /** Written only on the pipeline workflow's word. */
    stage: text('stage', { enum: PIPELINE_STAGES }),
    decisionOutcome: text('decision_outcome', { enum: SELECTION_OUTCOMES }),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    participantSince: timestamp('participant_since', { withTimezone: true }),
    /** A public application's reference (`BDH-` and 8 Crockford base32 characters), for its status page. */
    reference: text('reference'),
    /** The address a public applicant left for the decision, and the language they applied in. */
    applicantEmail: text('applicant_email'),
    applicantLocale: text('applicant_locale', { enum: ['km', 'en'] }),
    /** Lower-cased Latin and Khmer names, for partial-word search. */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`lower(name || ' ' || coalesce(name_km, ''))`),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cbos_created_at_idx').on(t.createdAt),
    uniqueIndex('cbos_reference_idx').on(t.reference),
    index('cbos_province_idx').on(t.provinceCode),
    index('cbos_stage_province_name_idx').on(t.stage, t.provinceCode, t.name),
    index('cbos_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('cbos_commune_idx').on(t.provinceCode, sql`lower(${t.commune})`),
    // The Network Directory's two indexes: participants only, in the directory's order (the
    // migration adds INCLUDE (focus_issues), which drizzle cannot express, so an issue filter is
    // answered from the index), and their names.
    index('cbos_directory_order_idx')
      .on(t.provinceCode, t.name, t.id)
      .where(sql`stage in ('participant', 'training', 'grant_eligible') and participant_since is not null`),
    index('cbos_directory_trgm_idx')
      .using('gin', sql`${t.searchText} gin_trgm_ops`)
      .where(sql`stage in ('participant', 'training', 'grant_eligible') and participant_since is not null`),
  ],
);

export const settings = network.table('settings', {
  id: integer('id').primaryKey().default(1),
  pilotDeclinesDevelopment: boolean('pilot_declines_development').notNull(),
  reassessmentWaitDays: integer('reassessment_wait_days').notNull(),
  rubric: jsonb('rubric').$type<Rubric>().notNull(),
  /** Recording a CBO in a province whose phase has not opened: allowed with a warning, or refused. */
  unopenedProvinces: text('unopened_provinces', { enum: UNOPENED_PROVINCE_POLICIES })
    .notNull()
    .default('warn'),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const assessments = network.table(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cboId: uuid('cbo_id')
      .notNull()
      .references(() => cbos.id),
    /** The workflow's id for the step, so a retried activity stores it once. */
    stepId: text('step_id').notNull(),
    assessedBy: uuid('assessed_by').notNull(),
    membersWomen: integer('members_women').notNull(),
    membersMen: integer('members_men').notNull(),
    ongoingActivities: text('ongoing_activities').notNull(),
    plannedActivities: text('planned_activities').notNull(),
    ambitions: text('ambitions').notNull(),
    leadership: text('leadership').notNull(),
    meetingsHeld: integer('meetings_held').notNull(),
    recordsKept: boolean('records_kept').notNull(),
    registration: text('registration', { enum: REGISTRATION_STATUSES }).notNull(),
    risks: text('risks').notNull(),
    parts: jsonb('parts').$type<ScorePart[]>().notNull(),
    total: real('total').notNull(),
    assessedAt: createdAt(),
  },
  (t) => [uniqueIndex('assessments_step_idx').on(t.stepId), index('assessments_cbo_idx').on(t.cboId)],
);

export const fieldVisits = network.table('field_visits', {
  id: uuid('id').primaryKey().defaultRandom(),
  provinceCode: text('province_code').notNull(),
  district: text('district'),
  commune: text('commune'),
  village: text('village'),
  visitedOn: date('visited_on').notNull(),
  notes: text('notes'),
  visitedBy: uuid('visited_by').notNull(),
  createdAt: createdAt(),
});

export const fieldVisitCbos = network.table(
  'field_visit_cbos',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => fieldVisits.id),
    cboId: uuid('cbo_id')
      .notNull()
      .references(() => cbos.id),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.cboId] })],
);

export const partners = network.table('partners', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  expertise: text('expertise', { enum: FOCUS_ISSUES }).array().$type<FocusIssue[]>().notNull(),
  description: text('description'),
  contactName: text('contact_name'),
  phone: text('phone'),
  email: text('email'),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const hotlineCalls = network.table(
  'hotline_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cboId: uuid('cbo_id')
      .notNull()
      .references(() => cbos.id),
    channel: text('channel', { enum: HOTLINE_CHANNELS }).notNull(),
    callerName: text('caller_name').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    issue: text('issue', { enum: FOCUS_ISSUES }).notNull(),
    summary: text('summary').notNull(),
    guidance: text('guidance').notNull(),
    loggedBy: uuid('logged_by').notNull(),
    /** The last correction (the audit log keeps each one, with what it was before). */
    correctedBy: uuid('corrected_by'),
    correctedAt: timestamp('corrected_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('hotline_calls_cbo_idx').on(t.cboId, t.occurredAt)],
);

export const referrals = network.table(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => hotlineCalls.id),
    cboId: uuid('cbo_id')
      .notNull()
      .references(() => cbos.id),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    reason: text('reason').notNull(),
    status: text('status', { enum: REFERRAL_STATUSES }).notNull().default('open'),
    outcome: text('outcome', { enum: REFERRAL_OUTCOMES }),
    outcomeNote: text('outcome_note'),
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('referrals_call_idx').on(t.callId), index('referrals_status_idx').on(t.status)],
);

export const expansionPhases = network.table('expansion_phases', {
  seq: integer('seq').primaryKey(),
  provinces: text('provinces').array().notNull(),
  opensOn: date('opens_on').notNull(),
  openedAt: timestamp('opened_at', { withTimezone: true }),
});

export const targets = network.table('targets', {
  id: uuid('id').primaryKey().defaultRandom(),
  position: integer('position').notNull(),
  labelEn: text('label_en').notNull(),
  labelKm: text('label_km').notNull(),
  metric: text('metric', { enum: TARGET_METRICS }).notNull(),
  count: integer('count').notNull(),
  provinces: text('provinces').array().notNull(),
  dueOn: date('due_on').notNull(),
});

export const idempotencyKeys = idempotencyTable(network);

export type CboRow = typeof cbos.$inferSelect;
export type AssessmentRow = typeof assessments.$inferSelect;
export type PartnerRow = typeof partners.$inferSelect;

/** Commands to other services that commit with this service's records (pipeline and follow-up starts). */
export const outbox = outboxTable(network);
