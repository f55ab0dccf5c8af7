import { TrainerDraft, type Trainer } from '@bandanh/contracts';
import { fakeRepository } from '@bandanh/platform/testing';
import type { TrainerRecord, TrainersRepository } from './trainers.repository';

export const TRAINER_ID = '33333333-3333-4333-8333-333333333333';
export const EXCEPTION_ID = '44444444-4444-4444-8444-444444444444';

export function aTrainerDraft(overrides: Partial<TrainerDraft> = {}): TrainerDraft {
  return TrainerDraft.parse({
    moduleIds: ['human_rights', 'advocacy'],
    provinceCodes: ['KH-2', 'KH-17'],
    windows: [
      { weekday: 1, start: '08:00', end: '12:00' },
      { weekday: 1, start: '13:00', end: '17:00' },
    ],
    exceptions: [],
    ...overrides,
  });
}

export function aTrainer(overrides: Partial<Trainer> = {}): Trainer {
  const { moduleIds, provinceCodes, windows, active } = aTrainerDraft();
  return {
    userId: TRAINER_ID,
    moduleIds,
    provinceCodes,
    windows,
    exceptions: [{ id: EXCEPTION_ID, startDate: '2026-12-24', endDate: '2026-12-26', kind: 'leave' }],
    active,
    updatedAt: '2026-12-01T02:00:00.000Z',
    ...overrides,
  };
}

/** One trainer on record (TRAINER_ID); the catalogue holds the four default modules. */
export function fakeTrainersRepository(
  overrides: Partial<TrainersRepository> = {},
  stored: Trainer[] = [aTrainer()],
): TrainersRepository {
  const profiles = new Map(stored.map((t) => [t.userId, t]));
  const catalogue = ['human_rights', 'monitoring_documentation', 'advocacy', 'organisational_development'];
  const saved = (userId: string, record: Partial<TrainerRecord>) => {
    const after = {
      ...(profiles.get(userId) ?? aTrainer({ userId })),
      ...record,
      updatedAt: '2026-12-02T02:00:00.000Z',
    };
    profiles.set(userId, after);
    return after;
  };
  return fakeRepository<TrainersRepository>({
    knownModules: jest.fn(async (ids: readonly string[]) => ids.filter((id) => catalogue.includes(id))),
    list: jest.fn(async () => [...profiles.values()]),
    find: jest.fn(async (userId: string) => profiles.get(userId)),
    upsert: jest.fn(async (userId: string, record: TrainerRecord) => saved(userId, record)),
    updateAvailability: jest.fn(async (userId: string, availability) =>
      profiles.has(userId) ? saved(userId, availability) : undefined,
    ),
    ...overrides,
  });
}
