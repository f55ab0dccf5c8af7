import { Controller, Inject, Injectable, Module } from '@nestjs/common';
import { and, asc, eq, isNotNull, like, sql, type SQL } from 'drizzle-orm';
import {
  DIRECTORY_COUNT_CAP,
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
 * The Network Directory: Network Participants' public profiles. The page and the count are two
 * queries run side by side: the page stops after its rows (the partial index on province and
 * name gives them in order), and the count stops at a cap, so a common word or no filter at all
 * never walks every participant. Names match on the trigram index of the lower-cased Latin and
 * Khmer names (bench/directory-search measures it under 100,000 CBOs).
 */
@Injectable()
export class DirectoryService {
  constructor(@Inject(NETWORK_DB) private readonly database: NetworkDatabase) {}

  async search(query: DirectoryQuery): Promise<DirectoryPage> {
    const where = and(...conditionsFor(query));
    const cap = query.offset + DIRECTORY_COUNT_CAP;
    const [rows, [{ counted }]] = await Promise.all([
      this.database.db
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
        })
        .from(cbos)
        .where(where)
        .orderBy(asc(cbos.provinceCode), asc(cbos.name), asc(cbos.id))
        .limit(query.limit)
        .offset(query.offset),
      this.database.db.select({ counted: sql<number>`count(*)`.mapWith(Number) }).from(
        this.database.db
          .select({ one: sql`1` })
          .from(cbos)
          .where(where)
          .limit(cap + 1)
          .as('matches'),
      ),
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

/** Participants only (the partial indexes' own condition), then the filters asked for. */
export function conditionsFor(query: DirectoryQuery): SQL[] {
  // Written into the statement, not bound: the planner matches it to the partial indexes even
  // when the statement is prepared once and run with other values.
  const stages = sql.raw(PARTICIPANT_STAGES.map((stage) => `'${stage}'`).join(', '));
  const conditions: SQL[] = [sql`${cbos.stage} in (${stages})`, isNotNull(cbos.participantSince)];
  if (query.province) conditions.push(eq(cbos.provinceCode, query.province));
  if (query.issue) conditions.push(sql`${cbos.focusIssues} @> array[${query.issue}]::text[]`);
  // The indexed text is lower-cased already: a plain LIKE on the lower-cased words.
  if (query.q) conditions.push(like(cbos.searchText, `%${escapeLike(query.q.toLowerCase())}%`));
  return conditions;
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
