import type { CboMember, StaffRecipient } from '@bandanh/contracts';
import type { CboSummary, TrainingDirectory } from './directory';

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

/** A trainer as identity names them. */
export function aTrainerRecipient(userId: string, overrides: Partial<StaffRecipient> = {}): StaffRecipient {
  return {
    userId,
    email: `${userId.slice(0, 8)}@staff.example.org`,
    displayName: `Trainer ${userId.slice(0, 4)}`,
    locale: 'en',
    ...overrides,
  };
}

/** The directory in memory, for services' unit tests: CBOs, their members, trainers. */
export function fakeDirectory(
  input: {
    cbos?: CboSummary[];
    members?: Record<string, CboMember[]>;
    trainers?: StaffRecipient[];
  } = {},
): TrainingDirectory {
  const cbos = input.cbos ?? [];
  return {
    cbo: jest.fn(async (id: string) => cbos.find((cbo) => cbo.id === id) ?? null),
    participants: jest.fn(async () =>
      cbos.filter((cbo) => cbo.stage === 'participant' || cbo.stage === 'training'),
    ),
    members: jest.fn(async (cboId: string) => input.members?.[cboId] ?? []),
    trainers: jest.fn(async (ids: readonly string[]) =>
      (input.trainers ?? []).filter((trainer) => ids.includes(trainer.userId)),
    ),
  } as unknown as TrainingDirectory;
}
