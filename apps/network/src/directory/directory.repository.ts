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

/** Which filters a search uses: each combination is one statement, built once. */
interface Shape {
  province: boolean;
  issue: boolean;
  q: boolean;
}

const shapeOf = (query: DirectoryQuery): Shape => ({
  province: Boolean(query.province),
  issue: Boolean(query.issue),
  q: Boolean(query.q),
});

const shapeKey = (shape: Shape) => `${+shape.province}${+shape.issue}${+shape.q}`;

/** The values a shape's placeholders take. */
function valuesFor(query: DirectoryQuery) {
  return {
    province: query.province ?? null,
    issue: query.issue ?? null,
    // The indexed text is lower-cased already: a plain LIKE on the lower-cased words.
    pattern: query.q ? `%${escapeLike(query.q.toLowerCase())}%` : null,
    limit: query.limit,
    offset: query.offset,
  };
}

/**
 * The Network Directory: Network Participants' public profiles. The page and the count are two
 * queries the service runs side by side: the page stops after its rows (the partial index on
 * province and name gives them in order), and the count stops at a cap, so a common word or no
 * filter at all never walks every participant. Names match on the trigram index of the
 * lower-cased Latin and Khmer names (bench/directory-search measures it under 100,000 CBOs).
 *
 * Each combination of filters is built once into a prepared statement with placeholders, so a
 * search only fills in values: building the statement again on every call cost about a third of
 * a millisecond. Every connection plans each run for its own values (`plan_cache_mode` in
 * `createDatabase`), so a rare name and a common one keep their own plans.
 */
@Injectable()
export class DirectoryRepository extends NetworkRepository {
  private readonly pages = new Map<string, ReturnType<DirectoryRepository['preparePage']>>();
  private readonly counts = new Map<string, ReturnType<DirectoryRepository['prepareCount']>>();

  constructor(@Inject(NETWORK_DB) database: NetworkDatabase) {
    super(database);
  }

  /** One page of matching participants, by province and name. */
  page(query: DirectoryQuery): Promise<ProfileRow[]> {
    const shape = shapeOf(query);
    const key = shapeKey(shape);
    let prepared = this.pages.get(key);
    if (!prepared) this.pages.set(key, (prepared = this.preparePage(shape, key)));
    return prepared.execute(valuesFor(query));
  }

  /** How many participants match, counting no further than `most`. */
  async countUpTo(query: DirectoryQuery, most: number): Promise<number> {
    const shape = shapeOf(query);
    const key = shapeKey(shape);
    let prepared = this.counts.get(key);
    if (!prepared) this.counts.set(key, (prepared = this.prepareCount(shape, key)));
    const [{ counted }] = await prepared.execute({ ...valuesFor(query), most });
    return counted;
  }

  private preparePage(shape: Shape, key: string) {
    return this.db
      .select(profile)
      .from(cbos)
      .where(and(...conditionsFor(shape)))
      .orderBy(asc(cbos.provinceCode), asc(cbos.name), asc(cbos.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(`directory_page_${key}`);
  }

  private prepareCount(shape: Shape, key: string) {
    return this.db
      .select({ counted: sql<number>`count(*)`.mapWith(Number) })
      .from(
        this.db
          .select({ one: sql`1` })
          .from(cbos)
          .where(and(...conditionsFor(shape)))
          .limit(sql.placeholder('most'))
          .as('matches'),
      )
      .prepare(`directory_count_${key}`);
  }
}

/** Participants only (the partial indexes' own condition), then the filters of the shape. */
export function conditionsFor(shape: Shape): SQL[] {
  // Written into the statement, not bound: the planner matches it to the partial indexes
  // whatever the values.
  const stages = sql.raw(PARTICIPANT_STAGES.map((stage) => `'${stage}'`).join(', '));
  const conditions: SQL[] = [sql`${cbos.stage} in (${stages})`, isNotNull(cbos.participantSince)];
  if (shape.province) conditions.push(eq(cbos.provinceCode, sql.placeholder('province')));
  if (shape.issue) conditions.push(sql`${cbos.focusIssues} @> array[${sql.placeholder('issue')}]::text[]`);
  if (shape.q) conditions.push(like(cbos.searchText, sql.placeholder('pattern')));
  return conditions;
}
