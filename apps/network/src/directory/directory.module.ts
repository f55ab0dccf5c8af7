import { Controller, Inject, Injectable, Module } from '@nestjs/common';
import { and, asc, eq, ilike, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import {
  PARTICIPANT_STAGES,
  searchDirectory,
  type DirectoryEntry,
  type DirectoryPage,
  type DirectoryQuery,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles } from '@bandanh/platform';
import { escapeLike } from '../cbos/cbos.repository';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { cbos } from '../db/schema';

/**
 * The Network Directory: Network Participants' public profiles. One query answers a page and
 * the total; the name search uses the trigram index on the lower-cased Latin and Khmer names.
 */
@Injectable()
export class DirectoryService {
  constructor(@Inject(NETWORK_DB) private readonly database: NetworkDatabase) {}

  async search(query: DirectoryQuery): Promise<DirectoryPage> {
    const conditions: SQL[] = [
      inArray(cbos.stage, [...PARTICIPANT_STAGES]),
      isNotNull(cbos.participantSince),
    ];
    if (query.province) conditions.push(eq(cbos.provinceCode, query.province));
    if (query.issue) conditions.push(sql`${cbos.focusIssues} @> array[${query.issue}]::text[]`);
    if (query.q) conditions.push(ilike(cbos.searchText, `%${escapeLike(query.q.toLowerCase())}%`));
    const rows = await this.database.db
      .select({
        id: cbos.id,
        name: cbos.name,
        nameKm: cbos.nameKm,
        provinceCode: cbos.provinceCode,
        district: cbos.district,
        commune: cbos.commune,
        village: cbos.village,
        focusIssues: cbos.focusIssues,
        membersCount: cbos.membersCount,
        about: cbos.about,
        contacts: cbos.contacts,
        publishContacts: cbos.publishContacts,
        participantSince: cbos.participantSince,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(cbos)
      .where(and(...conditions))
      .orderBy(asc(cbos.provinceCode), asc(cbos.name), asc(cbos.id))
      .limit(query.limit)
      .offset(query.offset);
    return {
      items: rows.map(toEntry),
      total: rows[0]?.total ?? (query.offset > 0 ? await this.count(conditions) : 0),
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** The total when the page asked for lies past the end. */
  private async count(conditions: SQL[]): Promise<number> {
    const [{ total }] = await this.database.db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(cbos)
      .where(and(...conditions));
    return total;
  }
}

function toEntry(row: {
  id: string;
  name: string;
  nameKm: string | null;
  provinceCode: string;
  district: string | null;
  commune: string | null;
  village: string | null;
  focusIssues: DirectoryEntry['focusIssues'];
  membersCount: number | null;
  about: string | null;
  contacts: DirectoryEntry['contacts'];
  publishContacts: boolean;
  participantSince: Date | null;
}): DirectoryEntry {
  return {
    id: row.id,
    name: row.name,
    nameKm: row.nameKm,
    provinceCode: row.provinceCode,
    district: row.district,
    commune: row.commune,
    village: row.village,
    focusIssues: row.focusIssues,
    membersCount: row.membersCount,
    activities: row.about,
    // Only what the group agreed to publish.
    contacts: row.publishContacts ? row.contacts : [],
    participantSince: row.participantSince?.toISOString() ?? null,
  };
}

@Controller()
export class DirectoryHandlers {
  constructor(private readonly service: DirectoryService) {}

  /** Public: anyone may read the directory. */
  @Handles(searchDirectory)
  search(query: ParsedRequestOf<typeof searchDirectory>) {
    return this.service.search(query);
  }
}

@Module({ controllers: [DirectoryHandlers], providers: [DirectoryService] })
export class DirectoryModule {}
