import { z } from 'zod';
import { ATTENDANCE_MARKS } from '../constants/training';

export { ATTENDANCE_MARKS };
import { defineContract } from '../contract';
import { TrainingSession } from './sessions';
import { TrainingSeat } from './seats';

/**
 * A session's run, after it is scheduled: invitations, reminders, moves and cancellations,
 * holding it, its attendance, its completion and certificates (training service). The system
 * subjects are called by the session workflow's activities (signed caller `orchestrator` only);
 * each carries an event id of the workflow's, so a retried activity records and tells nobody
 * twice. The people-facing subjects serve the trainer console, the member's page and the public
 * certificate verification.
 */

/** A participant's mark on the attendance sheet; present and late count as attended. */
export const AttendanceMark = z.enum(ATTENDANCE_MARKS, {
  error: 'A mark is present, late, absent or excused',
});
export type AttendanceMark = z.infer<typeof AttendanceMark>;
/** The marks that count as having attended. */
export const ATTENDED_MARKS: readonly AttendanceMark[] = ['present', 'late'];

/** A workflow's event id: stable across retries of the same step. */
export const SessionEventId = z
  .string({ error: 'Give the event id' })
  .trim()
  .min(1, 'Give the event id')
  .max(200, 'An event id has at most 200 characters');

const Instant = (what: string) =>
  z.iso.datetime({ offset: true, error: `Give the ${what} as a date and time` });

export const AttendanceEntry = z.object({
  memberId: z.uuid({ error: 'A member id must be a UUID' }),
  mark: AttendanceMark,
});
export type AttendanceEntry = z.infer<typeof AttendanceEntry>;

// ---------------------------------------------------------------------------------------------
// System subjects (caller `orchestrator`)
// ---------------------------------------------------------------------------------------------

/**
 * Invites the participant and training CBOs that have not completed the session's module (the
 * session's province first, then the others by province), records an invitation for each and
 * notifies their members. Once per session and CBO: a repeated call invites only CBOs not yet
 * invited. `invitedCboIds` are the CBOs invited to the session, in invitation order.
 */
export const inviteToTrainingSession = defineContract({
  subject: 'training.session.invite',
  request: z.object({ sessionId: z.uuid(), eventId: SessionEventId }),
  response: z.object({ invitedCboIds: z.array(z.string()) }),
});

/**
 * Reminds the members of the invited CBOs who have not declined, `lead` (e.g. '3 days') before
 * the start. `notified` is how many reminders were enqueued by this call (0 when the event id was
 * already handled).
 */
export const remindTrainingSession = defineContract({
  subject: 'training.session.remind',
  request: z.object({
    sessionId: z.uuid(),
    eventId: SessionEventId,
    lead: z.string().trim().min(1).max(40),
    /** The start the reminder was scheduled for (informational; the session's own start wins). */
    startsAt: Instant('start').optional(),
  }),
  response: z.object({ notified: z.number().int() }),
});

/**
 * Moves the session to a new start and end, re-checking the scheduling rules without the session
 * itself: a refusal is a CONFLICT with `details.reason` a `TrainingScheduleRefusal` and
 * `details.refusals` every one, as `training.session.create`. Tells the members of every invited
 * CBO and the trainers. The same event id again changes nothing and returns the session.
 */
export const rescheduleTrainingSession = defineContract({
  subject: 'training.session.reschedule',
  request: z.object({
    sessionId: z.uuid(),
    eventId: SessionEventId,
    startsAt: Instant('start'),
    endsAt: Instant('end'),
    /** The account id of whoever moved it. */
    movedBy: z.string().min(1).max(200),
  }),
  response: z.object({ session: TrainingSession }),
});

/**
 * Cancels the session (status `cancelled`) and tells the members of every invited CBO and the
 * trainers, with the reason. A held session is a CONFLICT `already_held`. Idempotent.
 */
export const cancelTrainingSessionRun = defineContract({
  subject: 'training.session.cancel',
  request: z.object({
    sessionId: z.uuid(),
    eventId: SessionEventId,
    reason: z.string().trim().min(1, 'Give the reason').max(1000),
    cancelledBy: z.string().min(1).max(200),
  }),
  response: z.object({ session: TrainingSession }),
});

/**
 * Marks the session held and freezes the expected attendees: the members with a confirmed seat
 * at this moment (a member enrolled after is not expected and never marked). Calling it again
 * returns the same members.
 */
export const holdTrainingSession = defineContract({
  subject: 'training.session.hold',
  request: z.object({ sessionId: z.uuid(), eventId: SessionEventId.optional() }),
  response: z.object({ memberIds: z.array(z.string()) }),
});

/**
 * Keeps the attendance sheet of a held session: one mark per expected attendee, nobody else
 * (CONFLICT `attendees_mismatch` with `details.unexpected` / `details.missing`). Once per
 * session: a second sheet is CONFLICT `attendance_recorded`, unless it repeats the event id of
 * the first (then `recorded` is the first's count).
 */
export const recordTrainingAttendance = defineContract({
  subject: 'training.session.recordAttendance',
  request: z.object({
    sessionId: z.uuid(),
    eventId: SessionEventId,
    recordedBy: z.string().min(1).max(200),
    marks: z.array(AttendanceEntry).max(1000),
  }),
  response: z.object({ recorded: z.number().int() }),
});

/** One CBO that completed the session's module: its completed modules and the required ones. */
export const CboTrainingCompletion = z.object({
  cboId: z.string(),
  /** The CBO's completed modules, this one included. */
  completedModuleIds: z.array(z.string()),
  /** The modules the catalogue requires for grants. */
  requiredModuleIds: z.array(z.string()),
});
export type CboTrainingCompletion = z.infer<typeof CboTrainingCompletion>;

/**
 * Works out from the attendance which CBOs completed the module (at least
 * TRAINING_COMPLETION_MIN_ATTENDEES of their members attended, default 1), records the
 * completions, issues a certificate to each attending member (with a snapshot of the names) and
 * notifies them. Idempotent: again, it issues nothing new and returns the same completions.
 */
export const completeTrainingSession = defineContract({
  subject: 'training.session.complete',
  request: z.object({
    sessionId: z.uuid(),
    /** Optional: completion is once per session whatever the event id. */
    eventId: SessionEventId.optional(),
    /** Optional, informational: the session's own module wins. */
    moduleId: z.string().optional(),
  }),
  response: z.object({ completed: z.array(CboTrainingCompletion) }),
});

// ---------------------------------------------------------------------------------------------
// People-facing subjects
// ---------------------------------------------------------------------------------------------

export const ExpectedAttendee = z.object({
  memberId: z.string(),
  memberName: z.string(),
  cboId: z.string(),
  cboName: z.string(),
  cboNameKm: z.string().nullable(),
});
export type ExpectedAttendee = z.infer<typeof ExpectedAttendee>;

/** The module as the run views show it. */
export const SessionModuleSummary = z.object({
  id: z.string(),
  titleKm: z.string(),
  titleEn: z.string(),
});
export type SessionModuleSummary = z.infer<typeof SessionModuleSummary>;

export const TrainingAttendanceView = z.object({
  session: TrainingSession,
  module: SessionModuleSummary,
  /** The members with a confirmed seat (frozen when the session is held). */
  expected: z.array(ExpectedAttendee),
  /** The recorded sheet, or null before it is recorded. */
  marks: z.array(AttendanceEntry).nullable(),
  recordedAt: z.string().nullable(),
  recordedBy: z.string().nullable(),
  /** The trainers' names, for the sign-in sheet. */
  trainerNames: z.array(z.string()),
});
export type TrainingAttendanceView = z.infer<typeof TrainingAttendanceView>;

/**
 * The attendance form and sign-in sheet of a session: its trainers, coordinators and admins;
 * anyone else FORBIDDEN, an unknown session NOT_FOUND.
 */
export const getTrainingAttendance = defineContract({
  subject: 'training.session.attendance',
  request: z.object({ sessionId: z.uuid() }),
  response: TrainingAttendanceView,
});

/** A certificate with every field printed on it (a snapshot taken when it was issued). */
export const TrainingCertificate = z.object({
  /** `CRT-XXXXXXXXXX`. */
  code: z.string(),
  memberName: z.string(),
  cboName: z.string(),
  cboNameKm: z.string().nullable(),
  moduleId: z.string(),
  moduleTitleKm: z.string(),
  moduleTitleEn: z.string(),
  /** The session's start (ISO instant). */
  sessionDate: z.string(),
  trainerNames: z.array(z.string()),
  language: z.string(),
  issuedAt: z.string(),
});
export type TrainingCertificate = z.infer<typeof TrainingCertificate>;

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_READ_AS: Record<string, string> = { O: '0', I: '1', L: '1' };

/**
 * A typed certificate code as stored (`CRT-` and ten characters of Crockford's base32), or null
 * when it cannot be one: any case, spaces and hyphens ignored, O read as 0, I and L as 1, the
 * prefix optional (as apps/web/src/lib/pdf/verification-code.ts reads it).
 */
export function normaliseCertificateCode(typed: string): string | null {
  let compact = typed.toUpperCase().replace(/[\s\-\u2010-\u2015]/gu, '');
  if (compact.length === 13 && compact.startsWith('CRT')) compact = compact.slice(3);
  if (compact.length !== 10) return null;
  let code = '';
  for (const char of compact) {
    const read = CODE_READ_AS[char] ?? char;
    if (!CODE_ALPHABET.includes(read)) return null;
    code += read;
  }
  return `CRT-${code}`;
}

/** A certificate code as typed, read leniently into its stored form `CRT-XXXXXXXXXX`. */
export const CertificateCode = z
  .string({ error: 'Give the certificate code' })
  .max(40, 'A certificate code reads CRT- and ten letters or digits')
  .transform((typed, ctx) => {
    const code = normaliseCertificateCode(typed);
    if (code === null) {
      ctx.addIssue({ code: 'custom', message: 'A certificate code reads CRT- and ten letters or digits' });
      return z.NEVER;
    }
    return code;
  });

/** Public verification of a certificate: anonymous allowed; an unknown code is NOT_FOUND. */
export const verifyTrainingCertificate = defineContract({
  subject: 'training.certificate.verify',
  request: z.object({ code: CertificateCode }),
  response: z.object({ certificate: TrainingCertificate }),
});

/**
 * A certificate for download (the PDF): its member, the members of their CBO, and staff
 * (training readers). Others FORBIDDEN; unknown NOT_FOUND.
 */
export const getTrainingCertificate = defineContract({
  subject: 'training.certificate.get',
  request: z.object({ code: CertificateCode }),
  response: z.object({
    certificate: TrainingCertificate,
    memberId: z.string(),
    cboId: z.string(),
    sessionId: z.string(),
  }),
});

export const CboModuleProgress = z.object({
  moduleId: z.string(),
  titleKm: z.string(),
  titleEn: z.string(),
  required: z.boolean(),
  completed: z.boolean(),
  completedAt: z.string().nullable(),
});
export type CboModuleProgress = z.infer<typeof CboModuleProgress>;

export const CboSessionEntry = z.object({
  session: TrainingSession,
  module: SessionModuleSummary,
  /** Whether the CBO is invited to the session. */
  invited: z.boolean(),
  /** The asking member's own seat (null for staff or without one). */
  seat: TrainingSeat.nullable(),
});
export type CboSessionEntry = z.infer<typeof CboSessionEntry>;

export const CboTrainingProgress = z.object({
  modules: z.array(CboModuleProgress),
  requiredDone: z.number().int(),
  requiredTotal: z.number().int(),
  /** Upcoming scheduled sessions of modules the CBO has not completed, invited first, by start. */
  sessions: z.array(CboSessionEntry),
  certificates: z.array(TrainingCertificate),
});
export type CboTrainingProgress = z.infer<typeof CboTrainingProgress>;

/**
 * A CBO's training: modules done and required, its upcoming sessions, its members'
 * certificates. The CBO's linked members (their own CBO only) and staff (training readers).
 */
export const getCboTrainingProgress = defineContract({
  subject: 'training.progress.forCbo',
  request: z.object({ cboId: z.uuid() }),
  response: CboTrainingProgress,
});

/**
 * The trainers who trained a CBO: the trainers of every held session at which one of its members
 * had a seat. For the grants service (signed caller `grants`), which never assigns them to review
 * the CBO's applications.
 */
export const listCboTrainers = defineContract({
  subject: 'training.progress.trainersOf',
  request: z.object({ cboId: z.uuid() }),
  response: z.object({ trainerIds: z.array(z.uuid()) }),
});

/**
 * A trainer's own secret calendar feed. `rotate: false` (the GET) returns the current token,
 * creating one the first time; `rotate: true` (the POST) replaces it — the old URL stops working.
 * Only a hash is stored: a token is shown in full when created or rotated; afterwards `token` is
 * null and `exists` true (rotate to see a new one).
 */
export const getTrainerCalendarToken = defineContract({
  subject: 'training.calendar.token',
  request: z.object({ rotate: z.boolean().default(false) }),
  response: z.object({
    /** The secret token (shown once), or null when one exists and was not rotated now. */
    token: z.string().nullable(),
    /** `/api/training/calendar/<token>.ics`, or null with the token. */
    path: z.string().nullable(),
    exists: z.boolean(),
    createdAt: z.string(),
  }),
});

/** The iCalendar (RFC 5545) text of a trainer's sessions, by token. Anonymous; unknown NOT_FOUND. */
export const getTrainerCalendarFeed = defineContract({
  subject: 'training.calendar.feed',
  request: z.object({ token: z.string().trim().min(16).max(128) }),
  response: z.object({ ics: z.string() }),
});
