import type { CboMember, StaffRecipient } from '@bandanh/contracts';
import type { CboFacts, GrantsDirectory } from './directory';

export const CBO_ID = 'c0000000-0000-4000-8000-000000000001';

/** A grant-eligible CBO in Battambang working on land. */
export function aCbo(overrides: Partial<CboFacts> = {}): CboFacts {
  return {
    id: CBO_ID,
    name: 'Riverside Fishers',
    nameKm: 'អ្នកនេសាទមាត់ទន្លេ',
    provinceCode: 'KH-2',
    focusIssues: ['land'],
    stage: 'grant_eligible',
    foundBy: null,
    ...overrides,
  };
}

/** A CBO member's account (Khmer reader unless told). */
export function aMember(userId: string, overrides: Partial<CboMember> = {}): CboMember {
  return {
    userId,
    email: `${userId.slice(0, 8)}@example.org`,
    displayName: `Member ${userId.slice(0, 4)}`,
    locale: 'km',
    ...overrides,
  };
}

/** A staff member as identity names them. */
export function aStaff(userId: string, overrides: Partial<StaffRecipient> = {}): StaffRecipient {
  return {
    userId,
    email: `${userId.slice(0, 8)}@staff.example.org`,
    displayName: `Staff ${userId.slice(0, 4)}`,
    locale: 'en',
    ...overrides,
  };
}

/** The directory in memory, for services' unit tests. */
export function fakeDirectory(
  input: {
    cbos?: CboFacts[];
    members?: Record<string, CboMember[]>;
    assessors?: Record<string, string[]>;
    trainers?: Record<string, string[]>;
    reviewers?: StaffRecipient[];
  } = {},
): GrantsDirectory {
  const cbos = input.cbos ?? [aCbo()];
  return {
    cbo: jest.fn(async (id: string) => cbos.find((cbo) => cbo.id === id) ?? null),
    assessors: jest.fn(async (id: string) => input.assessors?.[id] ?? []),
    trainers: jest.fn(async (id: string) => input.trainers?.[id] ?? []),
    members: jest.fn(async (id: string) => input.members?.[id] ?? []),
    reviewers: jest.fn(async () => input.reviewers ?? []),
  } as unknown as GrantsDirectory;
}
