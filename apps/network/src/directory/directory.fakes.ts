import { aCbo } from '../cbos/cbos.fakes';
import { fakeRepository } from '@bandanh/platform/testing';
import type { DirectoryRepository, ProfileRow } from './directory.repository';

export const PARTICIPANT_SINCE = new Date('2025-04-01T08:00:00.000Z');

/** A Network Participant's profile as the directory reads it: the sample CBO, a participant. */
export function aProfile(overrides: Partial<ProfileRow> = {}): ProfileRow {
  const { id, name, nameKm, provinceCode, district, commune, village, focusIssues } = aCbo();
  return {
    ...{ id, name, nameKm, provinceCode, district, commune, village, focusIssues },
    membersCount: 20,
    about: 'Monthly land rights meetings',
    contacts: [{ name: 'Sokha', phone: '012 345 678', role: 'Chair' }],
    publishContacts: true,
    participantSince: PARTICIPANT_SINCE,
    ...overrides,
  };
}

/** The profiles given, and `matches` of them in all. */
export function fakeDirectoryRepository(profiles: ProfileRow[] = [aProfile()], matches = profiles.length) {
  return fakeRepository<DirectoryRepository>({
    page: jest.fn(async () => profiles),
    countUpTo: jest.fn(async (_query, most: number) => Math.min(matches, most)),
  });
}
