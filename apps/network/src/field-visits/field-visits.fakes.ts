import type { FieldVisit } from '@bandanh/contracts';
import { fakeRepository } from '@bandanh/platform/testing';
import type { FieldVisitsRepository } from './field-visits.repository';

export const VISIT_ID = '55555555-5555-4555-8555-555555555555';

export function aFieldVisit(overrides: Partial<FieldVisit> = {}): FieldVisit {
  return {
    id: VISIT_ID,
    provinceCode: 'KH-2',
    district: null,
    commune: 'Ou Mal',
    village: null,
    visitedOn: '2025-01-14',
    notes: null,
    visitedBy: '11111111-1111-4111-8111-111111111111',
    cbosMet: [],
    ...overrides,
  };
}

/** One visit on record (VISIT_ID); every CBO exists. */
export function fakeFieldVisitsRepository(
  overrides: Partial<FieldVisitsRepository> = {},
): FieldVisitsRepository {
  return fakeRepository<FieldVisitsRepository>({
    insert: jest.fn(async () => VISIT_ID),
    list: jest.fn(async (ids?: string[]) => (!ids || ids.includes(VISIT_ID) ? [aFieldVisit()] : [])),
    cboExists: jest.fn(async () => true),
    link: jest.fn(async () => true),
    ...overrides,
  });
}
