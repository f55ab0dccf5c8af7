import { ATTENDANCE_MARKS } from '@bandanh/contracts/constants';
import { toMs, type Instant } from './time';

export { ATTENDANCE_MARKS };
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

/** Present and late count as attended. */
export function attended(mark: AttendanceMark): boolean {
  return mark === 'present' || mark === 'late';
}

export interface MemberMark {
  memberId: string;
  mark: AttendanceMark;
}

export interface AttendanceCounts {
  present: number;
  late: number;
  absent: number;
  excused: number;
  /** Present plus late. */
  attended: number;
  total: number;
}

/** How many marks of each kind, and how many attended. */
export function attendanceCounts(marks: readonly { mark: AttendanceMark }[]): AttendanceCounts {
  const counts: AttendanceCounts = { present: 0, late: 0, absent: 0, excused: 0, attended: 0, total: 0 };
  for (const { mark } of marks) {
    counts[mark] += 1;
    counts.total += 1;
    if (attended(mark)) counts.attended += 1;
  }
  return counts;
}

/** The completion setting: how many of a CBO's members must attend the module. */
export interface CompletionThreshold {
  minAttendees: number;
}

/**
 * Whether a CBO completed a module: at least `minAttendees` distinct members attended (present or
 * late) one of its sessions. The marks are the CBO's members' marks for that module, from every
 * session of it; a member attending twice counts once. At least one attendee is always needed.
 */
export function moduleCompletedForCbo(input: {
  attendance: readonly MemberMark[];
  threshold: CompletionThreshold;
}): boolean {
  const attendees = new Set(input.attendance.filter((m) => attended(m.mark)).map((m) => m.memberId));
  return attendees.size >= Math.max(1, input.threshold.minAttendees);
}

/** Whether every required module is completed (no required module: nothing stands in the way). */
export function eligibleForGrants(
  completedModuleIds: readonly string[],
  requiredModuleIds: readonly string[],
): boolean {
  return requiredModuleIds.every((id) => completedModuleIds.includes(id));
}

export interface UpcomingSession {
  id: string;
  moduleId: string;
  start: Instant;
}

export interface Progress {
  /** Required modules completed ("3 of 4 modules done"). */
  done: number;
  required: number;
  /**
   * What comes next: the required module not yet done with the earliest upcoming session (and that
   * session), else the first required module not done in catalogue order; `null` when all are done.
   */
  next: { moduleId: string; session: UpcomingSession | null } | null;
}

/** A CBO's (or member's) progress through the required modules. */
export function progress(input: {
  completedModuleIds: readonly string[];
  /** The required modules, in catalogue order. */
  requiredModuleIds: readonly string[];
  /** Sessions the member is invited to or confirmed for. */
  upcomingSessions?: readonly UpcomingSession[];
  now: Instant;
}): Progress {
  const required = [...new Set(input.requiredModuleIds)];
  const remaining = required.filter((id) => !input.completedModuleIds.includes(id));
  const now = toMs(input.now);
  const next = (input.upcomingSessions ?? [])
    .filter((session) => remaining.includes(session.moduleId) && toMs(session.start) >= now)
    .sort((a, b) => toMs(a.start) - toMs(b.start))[0];
  return {
    done: required.length - remaining.length,
    required: required.length,
    next: next
      ? { moduleId: next.moduleId, session: next }
      : remaining.length > 0
        ? { moduleId: remaining[0], session: null }
        : null,
  };
}

export interface Enrolment {
  memberId: string;
  /** When the member joined the programme (or the CBO). */
  enrolledAt: Instant;
  /** When the member left, if they did. */
  leftAt?: Instant | null;
}

/**
 * The members a session's attendance sheet expects: enrolled before the session started and not
 * gone by then. A member enrolled after a session is never marked absent for it.
 */
export function expectedAttendees(session: { start: Instant }, enrolments: readonly Enrolment[]): string[] {
  const start = toMs(session.start);
  const expected = enrolments
    .filter(
      (e) =>
        toMs(e.enrolledAt) < start && (e.leftAt === undefined || e.leftAt === null || toMs(e.leftAt) > start),
    )
    .map((e) => e.memberId);
  return [...new Set(expected)];
}
