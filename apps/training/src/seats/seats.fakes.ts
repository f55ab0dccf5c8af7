import type { SeatRow } from '../db/schema';
import { fakeRepository } from '@bandanh/platform/testing';
import type { LockedSession, SeatsRepository } from './seats.repository';

export const SEAT_SESSION_ID = '77777777-7777-4777-8777-777777777777';
export const CBO_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
export const CBO_B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

export function aLockedSession(overrides: Partial<LockedSession> = {}): LockedSession {
  return {
    id: SEAT_SESSION_ID,
    capacity: 2,
    perCboLimit: null,
    status: 'scheduled',
    startsAt: new Date('2036-01-07T01:00:00.000Z'),
    ...overrides,
  };
}

export function aSeatRow(memberId: string, overrides: Partial<SeatRow> = {}): SeatRow {
  return {
    id: `${memberId.slice(0, 8)}-0000-4000-8000-000000000000`,
    sessionId: SEAT_SESSION_ID,
    cboId: CBO_A,
    memberId,
    status: 'confirmed',
    requestedAt: new Date('2026-12-01T02:00:00.000Z'),
    promotedAt: null,
    updatedAt: new Date('2026-12-01T02:00:00.000Z'),
    ...overrides,
  };
}

/** A session (two seats by default) and its seat rows, kept in memory as the service writes them. */
export function fakeSeatsRepository(
  session: LockedSession = aLockedSession(),
  rows: SeatRow[] = [],
): SeatsRepository & { rows: SeatRow[] } {
  const store = { rows: [...rows] };
  const put = (row: SeatRow) => {
    store.rows = [...store.rows.filter((r) => r.memberId !== row.memberId), row];
    return row;
  };
  const repository = fakeRepository<SeatsRepository>({
    lockSession: jest.fn(async () => session),
    facts: jest.fn(async () => ({
      id: session.id,
      startsAt: session.startsAt.toISOString(),
      venue: { kind: 'online' as const },
      module: { titleKm: 'សិទ្ធិមនុស្ស', titleEn: 'Human rights' },
    })),
    invited: jest.fn(async () => true),
    cboHasOtherSeat: jest.fn(async () => false),
    notify: jest.fn(async () => {}),
    trainingStarted: jest.fn(async () => {}),
    seatsOf: jest.fn(async () => store.rows),
    request: jest.fn(async (entry, status) =>
      put(aSeatRow(entry.memberId, { cboId: entry.cboId, requestedAt: entry.requestedAt, status })),
    ),
    setStatus: jest.fn(async (_sessionId, memberId, status, promotedAt = null) => {
      const row = store.rows.find((r) => r.memberId === memberId)!;
      return put({ ...row, status, promotedAt: promotedAt ?? row.promotedAt });
    }),
  });
  return Object.defineProperty(repository, 'rows', { get: () => store.rows }) as SeatsRepository & {
    rows: SeatRow[];
  };
}
