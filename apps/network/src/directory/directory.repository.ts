import { Inject, Injectable } from '@nestjs/common';
import { and, asc, eq, isNotNull, like, sql, type SQL } from 'drizzle-orm';
import { PARTICIPANT_STAGES, type DirectoryQuery } from '@bandanh/contracts';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { NetworkRepository, escapeLike } from '../db/repository';
import { cbos, type CboRow } from '../db/schema';

/** What the directory reads of a Network Participant. */
const profile = {
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
};

export type ProfileRow = Pick<CboRow, keyof typeof profile>;

/**
 * The Network Directory: Network Participants' public profiles. The page and the count are two
 * queries the service runs side by side: the page stops after its rows (the partial index on
 * province and name gives them in order), and the count stops at a cap, so a common word or no
 * filter at all never walks every participant. Names match on the trigram index of the
 * lower-cased Latin and Khmer names (bench/directory-search measures it under 100,000 CBOs).
 */
@Injectable()
export class DirectoryRepository extends NetworkRepository {
  constructor(@Inject(NETWORK_DB) database: NetworkDatabase) {
    super(database);
  }

  /** One page of matching participants, by province and name. */
  page(query: DirectoryQuery): Promise<ProfileRow[]> {
    return this.db
      .select(profile)
      .from(cbos)
      .where(and(...conditionsFor(query)))
      .orderBy(asc(cbos.provinceCode), asc(cbos.name), asc(cbos.id))
      .limit(query.limit)
      .offset(query.offset);
  }

  /** How many participants match, counting no further than `most`. */
  async countUpTo(query: DirectoryQuery, most: number): Promise<number> {
    const [{ counted }] = await this.db.select({ counted: sql<number>`count(*)`.mapWith(Number) }).from(
      this.db
        .select({ one: sql`1` })
        .from(cbos)
        .where(and(...conditionsFor(query)))
        .limit(most)
        .as('matches'),
    );
    return counted;
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
