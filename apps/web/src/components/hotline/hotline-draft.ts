import type { FieldIssue } from '@bandanh/contracts';
import { errorsFrom, textKey } from '@/components/programme-settings/form-state';

export const HOTLINE_FIELDS = [
  'channel',
  'callerName',
  'occurredAt',
  'issue',
  'summary',
  'guidance',
  'refer',
  'partnerId',
  'reason',
] as const;
export type HotlineField = (typeof HOTLINE_FIELDS)[number];
export type HotlineValues = Record<HotlineField, string>;

/** Cambodia keeps one offset all year, so a time typed in Phnom Penh needs no zone database. */
const OFFSET = '+07:00';
const OFFSET_MS = 7 * 60 * 60 * 1000;

/** Now, as a `datetime-local` input shows it to someone in Phnom Penh. */
export function nowInPhnomPenh(now = new Date()): string {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/** A `datetime-local` value, read as Phnom Penh time, as an ISO date-time with its offset. */
export function occurredAtIso(local: string): string | undefined {
  const value = local.trim();
  if (!value) return undefined;
  return `${/T\d\d:\d\d$/.test(value) ? `${value}:00` : value}${OFFSET}`;
}

/** An instant as a `datetime-local` input shows it in Phnom Penh. */
export function localInPhnomPenh(iso: string): string {
  return nowInPhnomPenh(new Date(iso));
}

/** The facts of a call a correction may change, and why it is corrected. */
export const CORRECTION_FIELDS = [
  'channel',
  'callerName',
  'occurredAt',
  'issue',
  'summary',
  'guidance',
  'note',
] as const;
export type CorrectionField = (typeof CORRECTION_FIELDS)[number];
export type CorrectionValues = Record<CorrectionField, string>;

/** What the correction form sends, shaped for `HotlineCallCorrection`. */
export function correctionInput(values: CorrectionValues) {
  return {
    channel: values.channel || undefined,
    callerName: values.callerName,
    occurredAt: occurredAtIso(values.occurredAt),
    issue: values.issue || undefined,
    summary: values.summary,
    guidance: values.guidance,
    note: values.note,
  };
}

/** What the form sends, shaped for `HotlineCallDraft`; the referral only when the box is ticked. */
export function hotlineInput(values: HotlineValues) {
  return {
    channel: values.channel || undefined,
    callerName: values.callerName,
    occurredAt: occurredAtIso(values.occurredAt),
    issue: values.issue || undefined,
    summary: values.summary,
    guidance: values.guidance,
    referral: values.refer ? { partnerId: values.partnerId, reason: values.reason } : undefined,
  };
}

/** The call's issues by the form's fields: the referral's own fields are named without their prefix. */
export function hotlineErrors(issues: ReadonlyArray<Pick<FieldIssue, 'path' | 'code'>>) {
  return errorsFrom(issues, (path, code) => {
    const [first, second] = path;
    if (first === 'referral') {
      if (second === 'reason') return ['reason', textKey('reason', code)];
      return ['partnerId', 'partnerId'];
    }
    // A date after today (in Cambodia) is refused by the contract's own rule.
    if (first === 'occurredAt' && code === 'custom') return ['occurredAt', 'occurredAtFuture'];
    if (first === 'note') return ['note', 'tooLong'];
    if (!(HOTLINE_FIELDS as readonly string[]).includes(first)) return undefined;
    return [first, textKey(first, code)];
  });
}
