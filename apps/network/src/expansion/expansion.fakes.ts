import { fakeRepository } from '@bandanh/platform/testing';
import type { ExpansionRepository, PhaseRecord, TargetRecord } from './expansion.repository';

export const OPENED_AT = new Date('2025-01-01T00:00:00.000Z');

/** A phase of the plan, opened unless `openedAt` is null. */
export function aPhase(overrides: Partial<PhaseRecord> = {}): PhaseRecord {
  return { seq: 1, provinces: ['KH-2', 'KH-17'], opensOn: '2025-01-01', openedAt: OPENED_AT, ...overrides };
}

export function aTarget(overrides: Partial<TargetRecord> = {}): TargetRecord {
  return {
    id: '66666666-6666-4666-8666-666666666666',
    position: 0,
    labelEn: '30 Network Participants',
    labelKm: 'អ្នកចូលរួមបណ្ដាញ ៣០',
    metric: 'participants',
    count: 30,
    provinces: [],
    dueOn: '2025-07-01',
    ...overrides,
  };
}

/** An empty plan, no targets, no CBOs. */
export function fakeExpansionRepository(overrides: Partial<ExpansionRepository> = {}): ExpansionRepository {
  return fakeRepository<ExpansionRepository>({
    lock: jest.fn(async () => {}),
    countPhases: jest.fn(async () => 0),
    phases: jest.fn(async () => []),
    insertPhases: jest.fn(async () => {}),
    replacePhases: jest.fn(async () => {}),
    nextUnopened: jest.fn(async () => undefined),
    open: jest.fn(async (seq: number, at: Date) => aPhase({ seq, openedAt: at })),
    targets: jest.fn(async () => []),
    insertTargets: jest.fn(async () => {}),
    replaceTargets: jest.fn(async () => {}),
    stageCounts: jest.fn(async () => []),
    ...overrides,
  });
}
