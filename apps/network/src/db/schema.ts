import { index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { DISCOVERY_CHANNELS, FOCUS_ISSUES, PIPELINE_STAGES } from '@bandanh/contracts';
import { idempotencyTable } from '@bandanh/platform/db';

export const network = pgSchema('network');

export const cbos = network.table(
  'cbos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    provinceCode: text('province_code').notNull(),
    focusIssue: text('focus_issue', { enum: FOCUS_ISSUES }).notNull(),
    foundVia: text('found_via', { enum: DISCOVERY_CHANNELS }).notNull(),
    /** Written only on the pipeline workflow's word. */
    stage: text('stage', { enum: PIPELINE_STAGES }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cbos_created_at_idx').on(t.createdAt), index('cbos_province_idx').on(t.provinceCode)],
);

export const idempotencyKeys = idempotencyTable(network);

export type CboRow = typeof cbos.$inferSelect;
