import { z } from 'zod';
import { defineContract, WORKFLOW_STEP_TIMEOUT_MS } from '../contract';
import { StaffRole } from '../identity/caller';
import { ReferralOutcome } from '../network/hotline';

export const TASK_KINDS = [
  'assess_cbo',
  'decide_selection',
  'follow_up_referral',
  'take_attendance',
  /** A grant application's eligibility check (coordinators); the subject is the application. */
  'check_grant_eligibility',
  /** An assigned reviewer's review of a grant application (for that reviewer only). */
  'review_grant',
  /** A step of a grant application's approval chain (the step's role). */
  'approve_grant',
] as const;
export const TaskKind = z.enum(TASK_KINDS);
export type TaskKind = z.infer<typeof TaskKind>;
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;

/** A human step a workflow waits for: who, what, by when. */
export const Task = z.object({
  id: z.string(),
  kind: TaskKind,
  workflowId: z.string(),
  /** The CBO (or referral, session, grant application) the task is about. */
  subjectId: z.uuid(),
  subjectLabel: z.string(),
  cboId: z.uuid(),
  assigneeRole: StaffRole,
  /** The one person the task is for (a grant review), or null: every holder of the role. */
  assigneeUserId: z.uuid().nullable(),
  /** Set once the task is overdue past its escalation: the manager role now sees it too. */
  escalatedToRole: StaffRole.nullable(),
  dueAt: z.iso.datetime(),
  remindedAt: z.iso.datetime().nullable(),
  escalatedAt: z.iso.datetime().nullable(),
  status: z.enum(TASK_STATUSES),
  createdAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
});
export type Task = z.infer<typeof Task>;

/** The caller's inbox: open tasks for their roles, or escalated to them; overdue first. */
export const listTasks = defineContract({
  subject: 'orchestrator.task.list',
  request: z.object({
    status: z.enum(TASK_STATUSES).default('open'),
    cboId: z.uuid().optional(),
    /** Every task, whoever it is for (coordinators and admins). */
    all: z.coerce.boolean().default(false),
  }),
  response: z.object({ items: z.array(Task) }),
});

export function referralWorkflowId(referralId: string): string {
  return `referral-${referralId}`;
}

/** Starts a referral's follow-up: a task for the coordinators until its outcome is recorded. */
export const startReferralFollowUp = defineContract({
  subject: 'orchestrator.referral.start',
  request: z.object({ referralId: z.uuid(), cboId: z.uuid(), label: z.string() }),
  response: z.object({ workflowId: z.string(), started: z.boolean() }),
});

export const recordReferralFollowUp = defineContract({
  subject: 'orchestrator.referral.recordOutcome',
  timeoutMs: WORKFLOW_STEP_TIMEOUT_MS,
  request: z.object({
    referralId: z.uuid(),
    outcome: ReferralOutcome,
    note: z.string().max(1000).optional(),
  }),
  response: z.object({ workflowId: z.string() }),
});
