import { toMs, type Instant } from './time';

/** A member's request for a seat, or the seat or waitlist place it became. */
export interface SeatEntry {
  memberId: string;
  cboId: string;
  /** When the member asked: orders the waitlist. */
  requestedAt: Instant;
}

export interface SeatSnapshot {
  capacity: number;
  /** How many confirmed seats one CBO may hold; `null` for no limit. */
  perCboLimit: number | null;
  confirmed: readonly SeatEntry[];
  waitlist: readonly SeatEntry[];
}

export const SEAT_REFUSALS = [
  /** The member's CBO already holds as many confirmed seats as it may. */
  'cbo_limit_reached',
] as const;
export type SeatRefusalCode = (typeof SEAT_REFUSALS)[number];

/**
 * The decision on one request. `created` is false when the member already held that seat or
 * place: the same answer as before and nothing to write (a retried confirmation).
 */
export type SeatDecision =
  | { outcome: 'confirmed'; created: boolean }
  | { outcome: 'waitlisted'; position: number; created: boolean }
  | { outcome: 'refused'; reason: SeatRefusalCode };

/** The waitlist in promotion order: by request time, then member id so equal times stay stable. */
export function waitlistOrder(waitlist: readonly SeatEntry[]): SeatEntry[] {
  return [...waitlist].sort(
    (a, b) => toMs(a.requestedAt) - toMs(b.requestedAt) || a.memberId.localeCompare(b.memberId),
  );
}

function seatsOf(confirmed: readonly SeatEntry[], cboId: string): number {
  return confirmed.filter((entry) => entry.cboId === cboId).length;
}

function underLimit(
  snapshot: Pick<SeatSnapshot, 'perCboLimit'>,
  confirmed: readonly SeatEntry[],
  cboId: string,
) {
  return snapshot.perCboLimit === null || seatsOf(confirmed, cboId) < snapshot.perCboLimit;
}

/**
 * Decide a member's confirmation against a consistent snapshot of the session's seats (the
 * database serialises concurrent confirmations with a row lock and applies each decision before
 * deciding the next). A seat is given when one is free and the CBO is under its limit; a full
 * session waitlists the member; a CBO at its limit is refused. The CBO limit counts confirmed
 * seats only: its members may wait, and are skipped at promotion while the CBO is at its limit.
 */
export function allocateSeats(input: SeatSnapshot & { request: SeatEntry }): SeatDecision {
  const { request } = input;
  if (input.confirmed.some((entry) => entry.memberId === request.memberId)) {
    return { outcome: 'confirmed', created: false };
  }
  const queued = waitlistOrder(input.waitlist);
  const index = queued.findIndex((entry) => entry.memberId === request.memberId);
  if (index >= 0) return { outcome: 'waitlisted', position: index + 1, created: false };

  if (!underLimit(input, input.confirmed, request.cboId))
    return { outcome: 'refused', reason: 'cbo_limit_reached' };
  if (input.confirmed.length < input.capacity) return { outcome: 'confirmed', created: true };
  const position = waitlistOrder([...queued, request]).findIndex(
    (entry) => entry.memberId === request.memberId,
  );
  return { outcome: 'waitlisted', position: position + 1, created: true };
}

/**
 * The waitlisted entries to promote now that seats are free (a seat released, a larger capacity),
 * in order: each time the first one whose CBO is under its limit. Empty when nothing changes.
 */
export function promoteFromWaitlist(snapshot: SeatSnapshot): SeatEntry[] {
  const confirmed = [...snapshot.confirmed];
  const promoted: SeatEntry[] = [];
  const held = new Set(confirmed.map((entry) => entry.memberId));
  for (const entry of waitlistOrder(snapshot.waitlist)) {
    if (confirmed.length >= snapshot.capacity) break;
    if (held.has(entry.memberId) || !underLimit(snapshot, confirmed, entry.cboId)) continue;
    confirmed.push(entry);
    held.add(entry.memberId);
    promoted.push(entry);
  }
  return promoted;
}

export interface InviteCandidate {
  memberId: string;
  cboId: string;
  cboName: string;
  /** The CBO's province. */
  provinceCode: string;
  completedModuleIds: readonly string[];
}

const byCboName = new Intl.Collator('km');

/**
 * Who to invite to a session, in order: participants who have not completed its module, those of
 * CBOs in the session's province first (none for an online session), then the others; each group
 * by CBO name (Khmer collation), a CBO's members together and in the order given.
 */
export function inviteOrder<T extends InviteCandidate>(
  members: readonly T[],
  session: { moduleId: string; provinceCode: string | null },
): T[] {
  const local = (member: T) => (member.provinceCode === session.provinceCode ? 0 : 1);
  return members
    .filter((member) => !member.completedModuleIds.includes(session.moduleId))
    .sort(
      (a, b) =>
        local(a) - local(b) ||
        byCboName.compare(a.cboName, b.cboName) ||
        (a.cboId < b.cboId ? -1 : a.cboId > b.cboId ? 1 : 0),
    );
}
