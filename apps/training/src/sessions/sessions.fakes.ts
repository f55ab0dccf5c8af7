import { SessionDraft, type TrainingSession } from '@bandanh/contracts';
import { fakeRepository } from '@bandanh/platform/testing';
import { aTrainer, TRAINER_ID } from '../trainers/trainers.fakes';
import type { SessionsRepository } from './sessions.repository';

export const SESSION_ID = '66666666-6666-4666-8666-666666666666';

/** Monday 7 January 2036, 08:00 to 12:00 in Phnom Penh, in Battambang, by TRAINER_ID. */
export function aSessionDraft(overrides: Partial<SessionDraft> = {}): SessionDraft {
  return SessionDraft.parse({
    moduleId: 'human_rights',
    trainerIds: [TRAINER_ID],
    startsAt: '2036-01-07T01:00:00.000Z',
    endsAt: '2036-01-07T05:00:00.000Z',
    venue: {
      kind: 'place',
      provinceCode: 'KH-2',
      district: 'Battambang',
      commune: 'Svay Por',
      place: 'Pagoda hall',
    },
    capacity: 20,
    minimumAttendance: 5,
    language: 'km',
    ...overrides,
  });
}

export function aSession(overrides: Partial<TrainingSession> = {}): TrainingSession {
  return {
    id: SESSION_ID,
    ...aSessionDraft(),
    status: 'scheduled',
    createdBy: TRAINER_ID,
    createdAt: '2026-12-01T02:00:00.000Z',
    ...overrides,
  };
}

/** The catalogue's modules active; TRAINER_ID's profile (Mondays 08:00–17:00); no sessions. */
export function fakeSessionsRepository(
  overrides: Partial<SessionsRepository> = {},
  around: TrainingSession[] = [],
): SessionsRepository {
  const trainer = aTrainer({ windows: [{ weekday: 1, start: '08:00', end: '17:00' }], exceptions: [] });
  return fakeRepository<SessionsRepository>({
    lock: jest.fn(async () => {}),
    activeModule: jest.fn(async (id: string) =>
      id === 'cooking' ? undefined : { titleKm: 'សិទ្ធិមនុស្ស', titleEn: 'Human rights' },
    ),
    startRun: jest.fn(async () => {}),
    notify: jest.fn(async () => {}),
    trainers: jest.fn(async (ids: readonly string[]) => (ids.includes(TRAINER_ID) ? [trainer] : [])),
    around: jest.fn(async () => around),
    insert: jest.fn(async (draft: SessionDraft, createdBy: string) => aSession({ ...draft, createdBy })),
    list: jest.fn(async () => [aSession()]),
    withSeats: jest.fn(async (items: TrainingSession[]) =>
      items.map((item) => ({ ...item, seats: { confirmed: 1, waitlisted: 0 } })),
    ),
    find: jest.fn(async (id: string) => (id === SESSION_ID ? aSession() : undefined)),
    ...overrides,
  });
}
