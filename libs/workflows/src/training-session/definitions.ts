import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { ATTENDANCE_MARKS } from '@bandanh/contracts';
import type { Actor, TaskActivities } from '../shared/definitions';

/** The registered name of the training session workflow. */
export const TRAINING_SESSION_WORKFLOW = 'trainingSession';

/** One workflow per session; the id is derived from the session's, so a retry cannot start two. */
export function trainingSessionWorkflowId(sessionId: string): string {
  return `training-session-${sessionId}`;
}

export { ATTENDANCE_MARKS };
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

/** Where a session is in its life; `completed` and `cancelled` end the workflow. */
export const SESSION_STATES = [
  'scheduled',
  'invited',
  'held',
  'attendance_recorded',
  'completed',
  'cancelled',
] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export interface TrainingSessionInput {
  sessionId: string;
  moduleId: string;
  /** How the attendance task names the session (module, place, date). */
  label: string;
  /** The staff user ids of the session's trainers: only they take its attendance. */
  trainerIds: string[];
  /** Instants (ISO). */
  startsAt: string;
  endsAt: string;
  /**
   * How long before the start each reminder goes to the invitees, as durations ('3 days',
   * '1 day', '36h'), from the training service's configuration. A reminder whose time has
   * already passed when the session is (re)scheduled is not sent.
   */
  reminderLeads: string[];
}

/** What the session shows of itself. A query: it changes no history. */
export interface SessionView {
  state: SessionState;
  startsAt: string;
  endsAt: string;
  /** The next reminder to the invitees, if one is still to go. */
  nextReminder: { lead: string; at: string } | null;
  /** The trainer's attendance task, once its opening is recorded. */
  attendanceTaskId: string | null;
  cancelReason: string | null;
}

export interface AttendanceEntry {
  memberId: string;
  mark: AttendanceMark;
}

export const sessionViewQuery = defineQuery<SessionView>('view');

/** A new start and end (ISO instants); re-arms the reminders and tells everyone invited. */
export const moveSessionUpdate = defineUpdate<
  SessionView,
  [{ actor: Actor; startsAt: string; endsAt: string }]
>('move');
/** Cancels the session, telling everyone invited; ends the workflow. Refused once it has been held. */
export const cancelSessionUpdate = defineUpdate<SessionView, [{ actor: Actor; reason: string }]>('cancel');
/** A trainer of the session records the marks of the expected attendees, one each. */
export const recordAttendanceUpdate = defineUpdate<SessionView, [{ actor: Actor; marks: AttendanceEntry[] }]>(
  'recordAttendance',
);

/** What a CBO's pipeline is told when one of its modules is complete. */
export interface TrainingCompletion {
  /** The CBO's completed modules, this one included. */
  completedModuleIds: string[];
  /** The modules required for grants. */
  requiredModuleIds: string[];
}

/**
 * What the session workflow asks of the outside world; implemented by the orchestrator,
 * forwarding to the training service. Every call carries an event id of the workflow's, so a
 * retried activity tells nobody twice.
 */
export interface TrainingSessionActivities extends TaskActivities {
  /** Invites the participants that have not completed the module. */
  sendInvitations(input: { sessionId: string; eventId: string }): Promise<void>;
  /** Reminds the invitees of the session, `lead` before its start. */
  remindInvitees(input: {
    sessionId: string;
    eventId: string;
    lead: string;
    startsAt: string;
  }): Promise<void>;
  /** Tells everyone invited of the session's new time. */
  announceMove(input: {
    sessionId: string;
    eventId: string;
    startsAt: string;
    endsAt: string;
    movedBy: string;
  }): Promise<void>;
  /** Tells everyone invited that the session is cancelled, and why. */
  announceCancellation(input: {
    sessionId: string;
    eventId: string;
    reason: string;
    cancelledBy: string;
  }): Promise<void>;
  /** The members expected at the session once it is held (those who confirmed a seat). */
  expectedAttendees(input: { sessionId: string }): Promise<{ memberIds: string[] }>;
  /** Keeps the attendance sheet; once per event id. */
  recordAttendance(input: {
    sessionId: string;
    eventId: string;
    recordedBy: string;
    marks: AttendanceEntry[];
  }): Promise<void>;
  /**
   * Works out, from the attendance, which CBOs have now completed the session's module (and
   * issues the certificates): for each, its completed and required modules.
   */
  completeSession(input: {
    sessionId: string;
    moduleId: string;
  }): Promise<{ completed: Array<{ cboId: string } & TrainingCompletion> }>;
}
