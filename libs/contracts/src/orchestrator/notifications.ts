import { z } from 'zod';
import { defineContract } from '../contract';

/** The languages a message is written in: the recipient's. */
export const NOTIFICATION_LOCALES = ['km', 'en'] as const;
export const NotificationLocale = z.enum(NOTIFICATION_LOCALES);
export type NotificationLocale = z.infer<typeof NotificationLocale>;

/**
 * What a message is about; each kind has a subject and a body in the orchestrator's catalogs
 * (`apps/orchestrator/src/notifications/catalogs/`), in Khmer and English. A new use adds its
 * kind here and its templates there.
 */
export const NOTIFICATION_KINDS = [
  'cbo_decision',
  /** A password reset link (identity), `{ name, link, minutes }`. */
  'password_reset',
  /**
   * A selection decision, to the public applicant who left an address on the apply form,
   * `{ cboName, outcome, reason, reference }`.
   */
  'application_decision',
  /** An admin reset the recipient's second factor (identity), `{ name }`. */
  'mfa_reset',
  /**
   * An inbox task waits past its due time (the orchestrator, to the holders of its role),
   * `{ name, task, cboName, waited, waitedUnit, link }`.
   */
  'task_reminder',
  /**
   * An overdue task is escalated to the recipient's role (the orchestrator),
   * `{ name, task, cboName, role, waited, waitedUnit, overdue, overdueUnit, link }`.
   */
  'task_escalation',
  /*
   * Training (the training service sends these; the session workflow's steps trigger most).
   * Common params, formatted by the orchestrator's templates in the recipient's language:
   * - `startsAt`, `oldStartsAt`: ISO 8601 instants (`2026-12-10T02:00:00.000Z`); the message
   *   says them as the local date and time in Asia/Phnom_Penh (Khmer digits and the 24-hour
   *   clock in Khmer).
   * - `module`, `place`, `cboName`: pass either the text in the recipient's language, or both
   *   `moduleKm` and `moduleEn` (`placeKm`/`placeEn`, `cboNameKm`/`cboNameEn`) and the template
   *   picks the recipient's. `place` may be the code `place:online` for an online session.
   * - `lead`: a duration as configured (`3 days`, `1 day`, `36h`, `30 minutes`); said in words.
   * - numbers (`position`) are said with Khmer digits in Khmer.
   * - `link`: the absolute web address the message points to.
   */
  /** Invitation of a CBO's members to a session, `{ name, cboName, module, startsAt, place, link }`. */
  'training_invitation',
  /**
   * A member's seat (on confirming, on a promotion from the waitlist),
   * `{ name, module, startsAt, place, status: confirmed|waitlisted|promoted, position, link }`
   * (`position`: the place on the waitlist, 0 when not waitlisted).
   */
  'training_seat',
  /** A session comes up in `lead`, `{ name, module, startsAt, place, lead, link }`. */
  'training_reminder',
  /** A session was moved, `{ name, module, oldStartsAt, startsAt, place, link }`. */
  'training_moved',
  /** A session was cancelled, `{ name, module, startsAt, reason, link }` (`reason` the canceller's words). */
  'training_cancelled',
  /** A trainer is assigned to a session, `{ name, module, startsAt, place, link }`. */
  'training_assigned',
  /** A member's certificate is issued, `{ name, module, startsAt, code, link }` (`code` CRT-…). */
  'training_certificate',
  /*
   * Grants. Money is `amount` in integer minor units (cents) with `currency` (USD by default, or
   * KHR): the template says it as money in the recipient's language (Khmer digits in Khmer).
   * `roundName` and `cboName` may be given as `…Km` and `…En`. `dueAt` is an ISO instant.
   */
  /**
   * The receipt of a submitted application (the grants service, to the submitting member),
   * `{ name, cboName, reference, title, roundName, amount, currency, link }` (`amount` requested).
   */
  'grant_submitted',
  /**
   * A reviewer is assigned an application (the orchestrator), `{ name, application, dueAt, link }`
   * (`application`: its reference and title, never the CBO's name: blind rounds hide it).
   */
  'grant_review_assigned',
  /**
   * The decision on an application (the grants service, to the CBO's members),
   * `{ name, cboName, reference, title, outcome: approved|declined|returned, amount, currency,
   * reason, link }` (`amount` approved; `reason` the decider's words, or `rules:<rule>,<rule>` for
   * the automatic eligibility rules, said in the recipient's language).
   */
  'grant_decided',
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const NOTIFICATION_STATUSES = ['queued', 'sent', 'failed'] as const;
export const NotificationStatus = z.enum(NOTIFICATION_STATUSES);
export type NotificationStatus = z.infer<typeof NotificationStatus>;

/**
 * One message per event: the caller's key names the event (`decision-<cboId>-<n>`,
 * `password-reset-<tokenId>`), so sending it again sends nothing twice.
 */
export const NotificationKey = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9:._-]{7,149}$/,
    'The notification key must be 8 to 150 lower-case letters, digits or : . _ -',
  );

/** The values a template's placeholders take (`{cboName}`, `{reason}`). */
export const NotificationParams = z.record(
  z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'Template parameter names are letters and digits'),
  z.union([z.string().max(2000), z.number()]),
);
export type NotificationParams = z.infer<typeof NotificationParams>;

export const NotificationRequest = z.object({
  key: NotificationKey,
  kind: NotificationKind,
  locale: NotificationLocale,
  recipient: z.object({
    email: z.email({ error: 'Enter a valid email address' }),
    /** The account it goes to, when it goes to one. */
    userId: z.uuid().optional(),
  }),
  params: NotificationParams.default({}),
  /** The CBO it is about: its linked members see it on their group's page. */
  cboId: z.uuid().optional(),
});
export type NotificationRequest = z.output<typeof NotificationRequest>;

export function notificationWorkflowId(key: string): string {
  return `notification-${key}`;
}

/** A message, as the log of its attempts keeps it. */
export const Notification = z.object({
  key: z.string(),
  kind: NotificationKind,
  /** The address it went to; empty when a member reads their group's message to another member. */
  recipient: z.string(),
  locale: NotificationLocale,
  subject: z.string(),
  status: NotificationStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  cboId: z.uuid().nullable(),
  userId: z.uuid().nullable(),
});
export type Notification = z.infer<typeof Notification>;

/**
 * Sends a message by email, once per key, from a workflow that retries it: the answer says
 * whether this call started it (`started: false` when the key was sent or started before).
 * Services send (the orchestrator's steps, identity's password reset); admins may too.
 */
export const sendNotification = defineContract({
  subject: 'orchestrator.notification.send',
  request: NotificationRequest,
  response: z.object({ key: z.string(), workflowId: z.string(), started: z.boolean() }),
});

/** Every message, newest first, for admins. */
export const listNotifications = defineContract({
  subject: 'orchestrator.notification.list',
  request: z.object({
    status: NotificationStatus.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  response: z.object({ items: z.array(Notification) }),
});

/** The messages sent to the signed-in person's own account (staff or member), newest first. */
export const listMyNotifications = defineContract({
  subject: 'orchestrator.notification.mine',
  request: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
  response: z.object({ items: z.array(Notification) }),
});

/** The messages about one CBO: its linked members see their own group's, staff admins any. */
export const listCboNotifications = defineContract({
  subject: 'orchestrator.notification.forCbo',
  request: z.object({ cboId: z.uuid() }),
  response: z.object({ items: z.array(Notification) }),
});
