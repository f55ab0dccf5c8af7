import type { NotificationRequest } from '@bandanh/contracts';
import type { AttendanceRow, CertificateRow, InvitationRow, ModuleRow, SeatRow } from '../db/schema';
import { aSession } from '../sessions/sessions.fakes';
import { fakeRepository } from '@bandanh/platform/testing';
import type { NewCertificate, RunSession, SessionRunRepository } from './session-run.repository';

export const RUN_SESSION_ID = '99999999-9999-4999-8999-999999999999';

export function aModuleRow(overrides: Partial<ModuleRow> = {}): ModuleRow {
  return {
    id: 'human_rights',
    titleKm: 'សិទ្ធិមនុស្ស',
    titleEn: 'Human rights',
    descriptionKm: '…',
    descriptionEn: '…',
    durationMinutes: 180,
    requiredForGrants: true,
    active: true,
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
    updatedAt: new Date('2026-01-01T00:00:00.000Z'),
    ...overrides,
  };
}

export function aRunSession(overrides: Partial<RunSession> = {}): RunSession {
  return {
    session: aSession({
      id: RUN_SESSION_ID,
      venue: {
        kind: 'place',
        provinceCode: 'KH-2',
        district: 'Sangke',
        commune: 'Ou Dambang',
        place: 'Hall',
      },
    }),
    heldAt: null,
    attendanceRecordedAt: null,
    attendanceRecordedBy: null,
    completedAt: null,
    ...overrides,
  };
}

export interface RunStore {
  run: RunSession;
  invitations: InvitationRow[];
  seats: SeatRow[];
  attendance: AttendanceRow[];
  completions: Array<{ cboId: string; moduleId: string }>;
  certificates: CertificateRow[];
  notified: NotificationRequest[];
}

/**
 * The session run in memory, written as the service writes it: its invitations, seats,
 * attendance, completions, certificates and the messages put in the outbox.
 */
export function fakeSessionRunRepository(
  run: RunSession = aRunSession(),
  seed: Partial<Omit<RunStore, 'run'>> = {},
): SessionRunRepository & { store: RunStore } {
  const store: RunStore = {
    run,
    invitations: [],
    seats: [],
    attendance: [],
    completions: [],
    certificates: [],
    notified: [],
    ...seed,
  };
  const repository = fakeRepository<SessionRunRepository>({
    notify: jest.fn(async (request: NotificationRequest) => {
      store.notified.push(request);
    }),
    lock: jest.fn(async () => {}),
    find: jest.fn(async (id: string) => (id === store.run.session.id ? store.run : undefined)),
    lockSession: jest.fn(async (id: string) => (id === store.run.session.id ? store.run : undefined)),
    module: jest.fn(async (id: string) => (id === 'human_rights' ? aModuleRow() : undefined)),
    requiredModuleIds: jest.fn(async () => ['advocacy', 'human_rights']),
    trainers: jest.fn(async () => []),
    around: jest.fn(async () => []),
    moveSession: jest.fn(async (_id: string, startsAt: Date, endsAt: Date) => {
      store.run = {
        ...store.run,
        session: { ...store.run.session, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
      };
      return store.run.session;
    }),
    cancelSession: jest.fn(async () => {
      store.run = { ...store.run, session: { ...store.run.session, status: 'cancelled' } };
      return store.run.session;
    }),
    markHeld: jest.fn(async () => {
      store.run = { ...store.run, heldAt: new Date(), session: { ...store.run.session, status: 'held' } };
    }),
    markAttendanceRecorded: jest.fn(async (_id: string, by: string) => {
      store.run = { ...store.run, attendanceRecordedAt: new Date(), attendanceRecordedBy: by };
    }),
    markCompleted: jest.fn(async () => {
      store.run = { ...store.run, completedAt: new Date() };
    }),
    invitations: jest.fn(async () => [...store.invitations].sort((a, b) => a.rank - b.rank)),
    invite: jest.fn(async (sessionId: string, eventId: string, cbos) => {
      const added: InvitationRow[] = [];
      for (const cbo of cbos) {
        if (store.invitations.some((i) => i.cboId === cbo.cboId)) continue;
        const row: InvitationRow = {
          id: `${cbo.cboId.slice(0, 8)}-1111-4111-8111-111111111111`,
          sessionId,
          cboId: cbo.cboId,
          provinceCode: cbo.provinceCode,
          rank: store.invitations.length + 1,
          invitedAt: new Date(),
          eventId,
        };
        store.invitations.push(row);
        added.push(row);
      }
      return added;
    }),
    completedCbos: jest.fn(async (moduleId: string) => {
      return new Set(store.completions.filter((c) => c.moduleId === moduleId).map((c) => c.cboId));
    }),
    seatsOf: jest.fn(async () => store.seats),
    attendanceOf: jest.fn(async () => store.attendance),
    expect: jest.fn(async (sessionId: string, rows) => {
      for (const row of rows) {
        store.attendance.push({ sessionId, ...row, mark: null, recordedBy: null, recordedAt: null });
      }
    }),
    mark: jest.fn(async (_sessionId: string, memberId: string, mark, recordedBy: string) => {
      store.attendance = store.attendance.map((row) =>
        row.memberId === memberId ? { ...row, mark, recordedBy, recordedAt: new Date() } : row,
      );
    }),
    complete: jest.fn(async (cboId: string, moduleId: string) => {
      if (!store.completions.some((c) => c.cboId === cboId && c.moduleId === moduleId)) {
        store.completions.push({ cboId, moduleId });
      }
    }),
    completedModules: jest.fn(async (cboIds: readonly string[]) => {
      return new Map(
        cboIds.map((id) => [
          id,
          store.completions
            .filter((c) => c.cboId === id)
            .map((c) => c.moduleId)
            .sort(),
        ]),
      );
    }),
    issue: jest.fn(async (certificate: NewCertificate) => {
      if (
        store.certificates.some(
          (c) => c.sessionId === certificate.sessionId && c.memberId === certificate.memberId,
        )
      ) {
        return undefined;
      }
      const row: CertificateRow = { ...certificate, issuedAt: new Date() };
      store.certificates.push(row);
      return row;
    }),
  });
  return Object.assign(repository, { store });
}

export function aSeat(memberId: string, cboId: string, status: SeatRow['status'] = 'confirmed'): SeatRow {
  return {
    id: `${memberId.slice(0, 8)}-2222-4222-8222-222222222222`,
    sessionId: RUN_SESSION_ID,
    cboId,
    memberId,
    status,
    requestedAt: new Date('2026-12-01T02:00:00.000Z'),
    promotedAt: null,
    updatedAt: new Date('2026-12-01T02:00:00.000Z'),
  };
}
