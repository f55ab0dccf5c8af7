import { index, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_LOCALES,
  NOTIFICATION_STATUSES,
  STAFF_ROLES,
  TASK_KINDS,
  TASK_STATUSES,
} from '@bandanh/contracts';

export const orchestrator = pgSchema('orchestrator');

/** The staff inbox: one row per human step a workflow waits for. */
export const tasks = orchestrator.table(
  'tasks',
  {
    /** `<workflow id>:<kind>:<n>`, chosen by the workflow, so a retried activity writes it once. */
    id: text('id').primaryKey(),
    kind: text('kind', { enum: TASK_KINDS }).notNull(),
    workflowId: text('workflow_id').notNull(),
    cboId: uuid('cbo_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    subjectLabel: text('subject_label').notNull(),
    assigneeRole: text('assignee_role', { enum: STAFF_ROLES }).notNull(),
    /** The one person the task is for (a grant review), or null: every holder of the role. */
    assigneeUserId: uuid('assignee_user_id'),
    escalatedToRole: text('escalated_to_role', { enum: STAFF_ROLES }),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    status: text('status', { enum: TASK_STATUSES }).notNull().default('open'),
    closedBy: uuid('closed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('tasks_open_role_idx').on(t.status, t.assigneeRole, t.dueAt),
    index('tasks_cbo_idx').on(t.cboId),
    index('tasks_open_assignee_idx').on(t.status, t.assigneeUserId, t.dueAt),
  ],
);

export type TaskRow = typeof tasks.$inferSelect;

/** The log of every message sent: one row per key (the event), with its last attempt's outcome. */
export const notifications = orchestrator.table(
  'notifications',
  {
    /** The caller's key for the event; the workflow id is `notification-<key>`. */
    key: text('key').primaryKey(),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    recipient: text('recipient').notNull(),
    locale: text('locale', { enum: NOTIFICATION_LOCALES }).notNull(),
    subject: text('subject').notNull(),
    status: text('status', { enum: NOTIFICATION_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** The CBO it is about (owned by the network service; no foreign key across schemas). */
    cboId: uuid('cbo_id'),
    /** The account it went to (owned by identity). */
    userId: uuid('user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_created_idx').on(t.createdAt),
    index('notifications_cbo_idx').on(t.cboId, t.createdAt),
    index('notifications_user_idx').on(t.userId, t.createdAt),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;
