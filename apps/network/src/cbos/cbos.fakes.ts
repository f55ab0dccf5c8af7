import { CboDraft, type Cbo, type CboDraftInput } from '@bandanh/contracts';
import { fakeRepository } from '@bandanh/platform/testing';
import type { CbosRepository, NewCbo } from './cbos.repository';

export const CBO_ID = '33333333-3333-4333-8333-333333333333';

/** A coordinator's draft as the contract parses it. */
export function aCboDraft(overrides: Partial<CboDraftInput> = {}): CboDraft {
  return CboDraft.parse({
    name: 'Prey Lang Community Network',
    provinceCode: 'KH-2',
    commune: 'Ou Mal',
    focusIssues: ['land'],
    foundVia: 'field_visit',
    ...overrides,
  });
}

export function aCbo(overrides: Partial<Cbo> = {}): Cbo {
  return {
    id: CBO_ID,
    name: 'Prey Lang Community Network',
    nameKm: null,
    provinceCode: 'KH-2',
    district: null,
    commune: 'Ou Mal',
    village: null,
    focusIssues: ['land'],
    purpose: 'human_rights',
    membersCount: null,
    contacts: [],
    publishContacts: false,
    about: null,
    foundVia: 'field_visit',
    foundOn: '2025-01-15',
    foundBy: null,
    fieldVisitId: null,
    likelyDuplicateOf: [],
    possibleDuplicateOf: null,
    duplicateDecision: null,
    duplicateOf: null,
    stage: 'identified',
    decision: null,
    createdAt: '2025-01-15T08:00:00.000Z',
    updatedAt: '2025-01-15T08:00:00.000Z',
    ...overrides,
  };
}

/** A CBO as `insert` would store it. */
function stored(values: NewCbo): Cbo {
  return aCbo({
    name: values.name,
    nameKm: values.nameKm ?? null,
    provinceCode: values.provinceCode,
    commune: values.commune ?? null,
    purpose: values.purpose,
    foundVia: values.foundVia,
    foundBy: values.foundBy,
    fieldVisitId: values.fieldVisitId ?? null,
    likelyDuplicateOf: values.likelyDuplicateOf,
    possibleDuplicateOf: values.likelyDuplicateOf[0] ?? null,
  });
}

/** No duplicates, no CBOs yet; `insert` answers the CBO it was given. */
export function fakeCbosRepository(overrides: Partial<CbosRepository> = {}): CbosRepository {
  return fakeRepository<CbosRepository>({
    findDuplicates: jest.fn(async () => []),
    insert: jest.fn(async (values: NewCbo) => stored(values)),
    linkToVisit: jest.fn(async () => {}),
    startPipeline: jest.fn(async () => {}),
    findById: jest.fn(async () => undefined),
    findByReference: jest.fn(async () => undefined),
    applicantOf: jest.fn(async () => ({ reference: null, email: null, locale: null })),
    list: jest.fn(async (query) => ({ items: [], total: 0, limit: query.limit, offset: query.offset })),
    setStage: jest.fn(async (id, stage) => aCbo({ id, stage })),
    duplicateFlags: jest.fn(async () => []),
    decideDuplicate: jest.fn(async (id, decision) =>
      aCbo({
        id,
        duplicateDecision: decision.decision,
        duplicateOf: decision.decision === 'merged' ? decision.into : null,
      }),
    ),
    ...overrides,
  });
}
