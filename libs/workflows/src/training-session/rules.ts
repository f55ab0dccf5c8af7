import type { cboPipelineWorkflowId } from '@bandanh/contracts';
import { durationMs } from '@bandanh/contracts/constants';
import type { AttendanceEntry } from './definitions';

/** The contracts' pipeline id, restated so that the workflow bundle does not load zod. */
export const cboPipelineWorkflowIdInWorkflow = ((cboId: string) =>
  `cbo-pipeline-${cboId}`) satisfies typeof cboPipelineWorkflowId;

export interface PlannedReminder {
  lead: string;
  /** Epoch milliseconds. */
  at: number;
}

/**
 * The reminders still to send for a session starting at `startsAt`, earliest first: one per
 * lead that parses, is not yet sent, and whose time is still ahead of `now`.
 */
export function remindersDue(
  startsAt: string,
  leads: readonly string[],
  sent: ReadonlySet<string>,
  now: number,
): PlannedReminder[] {
  const start = new Date(startsAt).getTime();
  return leads
    .flatMap((lead) => {
      const ms = durationMs(lead);
      return ms === undefined || sent.has(lead) ? [] : [{ lead, at: start - ms }];
    })
    .filter((reminder) => reminder.at > now)
    .sort((a, b) => a.at - b.at);
}

/** Why a new start and end cannot be, or null: the start must be ahead and before the end. */
export function badNewTime(startsAt: string, endsAt: string, now: number): string | null {
  const start = new Date(startsAt).getTime();
  const end = new Date(endsAt).getTime();
  if (Number.isNaN(start) || Number.isNaN(end)) return 'The new start and end must be instants';
  if (start <= now) return 'The new start is in the past';
  if (end <= start) return 'The session must end after it starts';
  return null;
}

/** The marks that name nobody expected, and the expected attendees left without a mark. */
export function attendanceMismatch(
  marks: readonly AttendanceEntry[],
  expected: readonly string[],
): { unexpected: string[]; missing: string[]; duplicated: string[] } {
  const seen = new Set<string>();
  const duplicated: string[] = [];
  for (const { memberId } of marks) {
    if (seen.has(memberId)) duplicated.push(memberId);
    seen.add(memberId);
  }
  const want = new Set(expected);
  return {
    unexpected: [...seen].filter((id) => !want.has(id)),
    missing: expected.filter((id) => !seen.has(id)),
    duplicated,
  };
}
