import { Injectable } from '@nestjs/common';
import {
  DIRECTORY_COUNT_CAP,
  type DirectoryEntry,
  type DirectoryPage,
  type DirectoryQuery,
} from '@bandanh/contracts';
import { DirectoryRepository, type ProfileRow } from './directory.repository';

/** A participant's public profile: its contacts only if the group agreed to publish them. */
function toEntry({
  about,
  contacts,
  publishContacts,
  participantSince,
  ...place
}: ProfileRow): DirectoryEntry {
  return {
    ...place,
    activities: about,
    contacts: publishContacts ? contacts : [],
    participantSince: participantSince?.toISOString() ?? null,
  };
}

@Injectable()
export class DirectoryService {
  constructor(private readonly repository: DirectoryRepository) {}

  /**
   * Public: a page of Network Participants. The count stops at the page's offset plus
   * DIRECTORY_COUNT_CAP and says when there are more.
   */
  async search(query: DirectoryQuery): Promise<DirectoryPage> {
    const cap = query.offset + DIRECTORY_COUNT_CAP;
    const [rows, counted] = await Promise.all([
      this.repository.page(query),
      this.repository.countUpTo(query, cap + 1),
    ]);
    return {
      items: rows.map(toEntry),
      total: Math.min(counted, cap),
      totalIsLowerBound: counted > cap,
      limit: query.limit,
      offset: query.offset,
    };
  }
}
