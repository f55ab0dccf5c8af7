import { DIRECTORY_COUNT_CAP, DirectoryEntry } from '@bandanh/contracts';
import { PARTICIPANT_SINCE, aProfile, fakeDirectoryRepository } from './directory.fakes';
import { DirectoryService } from './directory.service';

const QUERY = { limit: 20, offset: 0 };

describe('the Network Directory', () => {
  it('shows a participant’s public profile, its activities and since when it takes part', async () => {
    const [entry] = (await new DirectoryService(fakeDirectoryRepository()).search(QUERY)).items;
    expect(entry).toMatchObject({
      id: aProfile().id,
      name: 'Prey Lang Community Network',
      provinceCode: 'KH-2',
      membersCount: 20,
      activities: 'Monthly land rights meetings',
      contacts: [{ name: 'Sokha', phone: '012 345 678', role: 'Chair' }],
      participantSince: PARTICIPANT_SINCE.toISOString(),
    });
    expect(Object.keys(entry)).toEqual(Object.keys(DirectoryEntry.shape));
  });

  it('shows the contacts only of a group that agreed to publish them', async () => {
    const repository = fakeDirectoryRepository([aProfile({ publishContacts: false })]);
    const [entry] = (await new DirectoryService(repository).search(QUERY)).items;
    expect(entry.contacts).toEqual([]);
    expect(entry).not.toHaveProperty('publishContacts');
  });

  it('counts the matches exactly below the cap', async () => {
    const page = await new DirectoryService(fakeDirectoryRepository([aProfile()], 57)).search(QUERY);
    expect(page).toMatchObject({ total: 57, totalIsLowerBound: false, limit: 20, offset: 0 });
  });

  it('stops counting past the cap beyond the page asked for, and says there are more', async () => {
    const repository = fakeDirectoryRepository([aProfile()], 50_000);
    const query = { limit: 20, offset: 40 };
    const page = await new DirectoryService(repository).search(query);
    expect(repository.countUpTo).toHaveBeenCalledWith(query, 40 + DIRECTORY_COUNT_CAP + 1);
    expect(page).toMatchObject({ total: 40 + DIRECTORY_COUNT_CAP, totalIsLowerBound: true, offset: 40 });
  });
});
