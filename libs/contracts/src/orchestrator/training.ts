import { z } from 'zod';
import { defineContract, WORKFLOW_STEP_TIMEOUT_MS } from '../contract';

/**
 * A training session's run, as its workflow (orchestrator) keeps it: one workflow per session,
 * the single writer of the session's life — invitations, reminders, moves, cancellation, the
 * session held, the trainers' attendance task, completion signalled to each CBO's pipeline.
 * The training service starts it (from its outbox, when a session is created) and tells a CBO's
 * pipeline that its training has started (its first confirmed seat); people read, move, cancel
 * it and record its attendance through the gateway.
 */

/** One workflow per session; the id is derived from the session's, so a retry cannot start two. */
export function trainingSessionRunWorkflowId(sessionId: string): string {
  return `training-session-${sessionId}`;
}

/** Where a session is in its run; `completed` and `cancelled` end it. */
export const SESSION_RUN_STATES = [
  'scheduled',
  'invited',
  'held',
  'attendance_recorded',
  'completed',
  'cancelled',
] as const;
export const SessionRunState = z.enum(SESSION_RUN_STATES);
export type SessionRunState = z.infer<typeof SessionRunState>;

const Instant = (what: string) =>
  z.iso.datetime({ offset: true, error: `Give the ${what} as a date and time` });

/** A participant's mark on the attendance sheet; present and late count as attended. */
const RunAttendanceEntry = z.object({
  memberId: z.uuid({ error: 'A member id must be a UUID' }),
  mark: z.enum(['present', 'late', 'absent', 'excused'], {
    error: 'A mark is present, late, absent or excused',
  }),
});

/** What the session's workflow shows of itself. */
export const TrainingSessionRun = z.object({
  sessionId: z.uuid(),
  workflowId: z.string(),
  state: SessionRunState,
  /** The session's current start and end (ISO instants): a move changes them. */
  startsAt: z.string(),
  endsAt: z.string(),
  /** The next reminder to the invitees (`lead` before the start, at `at`), if one is still to go. */
  nextReminder: z.object({ lead: z.string(), at: z.string() }).nullable(),
  /** The trainers' attendance task in the inbox, once the session is held. */
  attendanceTaskId: z.string().nullable(),
  /** Why it was cancelled, once it is. */
  cancelReason: z.string().nullable(),
});
export type TrainingSessionRun = z.infer<typeof TrainingSessionRun>;

/**
 * Starts a session's workflow, once per session (`started: false` when it runs or ran already).
 * The training service's outbox only (signed caller `training`), in the transaction that created
 * the session. The reminder leads come from the orchestrator's TRAINING_REMINDER_LEADS.
 */
export const startTrainingSession = defineContract({
  subject: 'orchestrator.training.session.start',
  request: z.object({
    sessionId: z.uuid(),
    moduleId: z.string().trim().min(1).max(80),
    /** How the trainers' attendance task names the session (module, place, date). */
    label: z.string().trim().min(1).max(300),
    /** The staff user ids of the session's trainers: only they take its attendance. */
    trainerIds: z.array(z.uuid()).min(1).max(10),
    startsAt: Instant('start'),
    endsAt: Instant('end'),
  }),
  response: z.object({ workflowId: z.string(), started: z.boolean() }),
});

/** A session's run (training readers: staff who read the training programme). NOT_FOUND without one. */
export const getTrainingSessionRun = defineContract({
  subject: 'orchestrator.training.session.get',
  request: z.object({ sessionId: z.uuid() }),
  response: TrainingSessionRun,
});

/**
 * Moves a session to a new start and end: a session scheduler who is a trainer of the session,
 * or a coordinator or admin (the workflow checks). The training service re-checks the scheduling
 * rules: a refusal is CONFLICT with `details.reason` a TrainingScheduleRefusal and the session
 * unchanged; a held or cancelled session is CONFLICT `already_held` / `session_cancelled`; a
 * start in the past VALIDATION_FAILED `invalid_time`. Everyone invited and the trainers are told.
 */
export const moveTrainingSession = defineContract({
  subject: 'orchestrator.training.session.move',
  timeoutMs: WORKFLOW_STEP_TIMEOUT_MS,
  request: z.object({ sessionId: z.uuid(), startsAt: Instant('new start'), endsAt: Instant('new end') }),
  response: TrainingSessionRun,
});

/**
 * Cancels a session, with the reason everyone invited is told (same callers as a move). Ends the
 * workflow; a held session is CONFLICT `already_held`.
 */
export const cancelTrainingSession = defineContract({
  subject: 'orchestrator.training.session.cancel',
  timeoutMs: WORKFLOW_STEP_TIMEOUT_MS,
  request: z.object({
    sessionId: z.uuid(),
    reason: z
      .string({ error: 'Say why the session is cancelled' })
      .trim()
      .min(1, 'Say why the session is cancelled')
      .max(1000, 'The reason must be at most 1000 characters'),
  }),
  response: TrainingSessionRun,
});

/**
 * A trainer of the held session records its attendance: one mark per expected attendee (the
 * members with a confirmed seat when it was held), nobody else (VALIDATION_FAILED
 * `attendees_mismatch` with `details.unexpected` / `details.missing`). Closes the attendance task;
 * the workflow then completes the session and tells the CBOs' pipelines.
 */
export const recordTrainingSessionAttendance = defineContract({
  subject: 'orchestrator.training.session.recordAttendance',
  timeoutMs: WORKFLOW_STEP_TIMEOUT_MS,
  request: z.object({ sessionId: z.uuid(), marks: z.array(RunAttendanceEntry).max(1000) }),
  response: TrainingSessionRun,
});

/**
 * Tells a CBO's pipeline that its training has started (its first confirmed seat): `participant`
 * moves to `training`. The training service's outbox only (signed caller `training`). A CBO
 * without a running pipeline answers `signalled: false`; signalling again changes nothing.
 */
export const signalTrainingStarted = defineContract({
  subject: 'orchestrator.pipeline.trainingStarted',
  request: z.object({ cboId: z.uuid() }),
  response: z.object({ signalled: z.boolean() }),
});
