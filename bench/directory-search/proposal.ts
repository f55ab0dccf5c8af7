// --try-index: the proposed indexes and query, prototyped in the bench's own database only.
// The service is not changed: a stand-in DirectoryService, behind the real DirectoryHandlers
// (same contract checks, same Nest NATS transport), answers with the proposed query, so the
// proposal is measured through the same HTTP → gateway → NATS path as the service today.
import type { DirectoryPage, DirectoryQuery } from '../../libs/contracts/src';
import { PARTICIPANT_STAGES } from '../../libs/contracts/src';
import { createDatabase, createNatsMicroservice, loggerModule } from '../../libs/platform/src';
import type { NetworkDatabase } from '../../apps/network/src/db/database.module';
import * as networkSchema from '../../apps/network/src/db/schema';
import { DirectoryHandlers, DirectoryService } from '../../apps/network/src/directory/directory.module';
import { captureDirectorySql, type CapturedQuery } from './capture';

type Sql = ReturnType<typeof createDatabase>['sql'];

const DIRECTORY_PREDICATE = `stage in (${PARTICIPANT_STAGES.map((s) => `'${s}'`).join(', ')}) and participant_since is not null`;

/**
 * The proposed indexes, both partial on the directory's own predicate. The first gives the
 * page in (province_code, name, id) order, so LIMIT stops after the page; with focus_issues
 * included, the province and issue filters and their counts need no heap visit (index-only).
 * The second makes name searches and their counts look only at directory entries (about 40%
 * fewer candidates to fetch and recheck than the trigram index over every CBO).
 */
export const PROPOSED_INDEXES: ReadonlyArray<{ name: string; ddl: string }> = [
  {
    name: 'cbos_directory_order_idx',
    ddl: `create index cbos_directory_order_idx on network.cbos (province_code, name, id) include (focus_issues) where ${DIRECTORY_PREDICATE}`,
  },
  {
    name: 'cbos_directory_trgm_idx',
    ddl: `create index cbos_directory_trgm_idx on network.cbos using gin (search_text gin_trgm_ops) where ${DIRECTORY_PREDICATE}`,
  },
];

/** exact: the total counted in full; capped: counted up to CAP + 1 ("more than 1,000"). */
export type Variant = 'exact' | 'capped';
export const CAP = 1000;

export interface ProposedQueries {
  page: CapturedQuery;
  count: CapturedQuery;
}

/**
 * The proposed statements, derived from the service's own SQL so that they keep its
 * conditions: the page without `count(*) over ()`, `like` for `ilike` (both sides are already
 * lower-cased), and the total as a separate count over the same WHERE.
 */
export function proposeQueries(current: CapturedQuery, variant: Variant): ProposedQueries {
  const shape =
    /^select (.*), count\(\*\) over \(\) from "network"\."cbos" where (.*) (order by .*) limit \$(\d+)( offset \$\d+)?$/s.exec(
      current.sql,
    );
  if (!shape) throw new Error(`The service's directory SQL has changed shape: ${current.sql}`);
  const [, columns, where, orderBy, limitParam] = shape;
  const like = where.replace(/ ilike \$/g, ' like $');
  const whereParams = current.params.slice(0, Number(limitParam) - 1);
  const count =
    variant === 'exact'
      ? `select count(*)::int as total from "network"."cbos" where ${like}`
      : `select count(*)::int as total from (select 1 from "network"."cbos" where ${like} limit ${CAP + 1}) as capped`;
  return {
    page: {
      sql: `select ${columns} from "network"."cbos" where ${like} ${orderBy} limit $${limitParam}${shape[5] ?? ''}`,
      params: current.params,
    },
    count: { sql: count, params: whereParams },
  };
}

interface CboRow {
  id: string;
  name: string;
  name_km: string | null;
  province_code: string;
  district: string | null;
  commune: string | null;
  village: string | null;
  focus_issues: DirectoryPage['items'][number]['focusIssues'];
  members_count: number | null;
  about: string | null;
  contacts: DirectoryPage['items'][number]['contacts'];
  publish_contacts: boolean;
  participant_since: string | Date | null;
}

/** What the service's toEntry makes of a row. */
function toEntry(row: CboRow): DirectoryPage['items'][number] {
  return {
    id: row.id,
    name: row.name,
    nameKm: row.name_km,
    provinceCode: row.province_code,
    district: row.district,
    commune: row.commune,
    village: row.village,
    focusIssues: row.focus_issues,
    membersCount: row.members_count,
    activities: row.about,
    contacts: row.publish_contacts ? row.contacts : [],
    participantSince: row.participant_since === null ? null : new Date(row.participant_since).toISOString(),
  };
}

/** Runs both proposed statements at once, on two connections of `sql`'s pool. */
export async function runProposed(sql: Sql, queries: ProposedQueries): Promise<{ rows: CboRow[]; total: number }> {
  const [rows, counted] = await Promise.all([
    sql.unsafe<CboRow[]>(queries.page.sql, queries.page.params as never[], { prepare: false }),
    sql.unsafe<Array<{ total: number }>>(queries.count.sql, queries.count.params as never[], { prepare: false }),
  ]);
  return { rows, total: counted[0].total };
}

/** Stands in for DirectoryService: the same query built by the service's code, then rewritten. */
class ProposedDirectoryService {
  constructor(
    private readonly database: NetworkDatabase,
    private readonly variant: Variant,
  ) {}

  async search(query: DirectoryQuery): Promise<DirectoryPage> {
    const current = await captureDirectorySql(this.database, query);
    const { rows, total } = await runProposed(this.database.sql, proposeQueries(current, this.variant));
    return { items: rows.map(toEntry), total, limit: query.limit, offset: query.offset };
  }
}

class ProposedNetworkModule {}

/** A network service that answers only the directory, with the proposed query, on NATS. */
export async function startProposedNetworkService(
  config: { DATABASE_URL: string; NATS_URL: string; NATS_PREFIX: string; LOG_LEVEL: string },
  variant: Variant,
) {
  const database: NetworkDatabase = createDatabase(config.DATABASE_URL, networkSchema);
  const app = await createNatsMicroservice(
    'network',
    {
      module: ProposedNetworkModule,
      imports: [loggerModule('network', config.LOG_LEVEL)],
      controllers: [DirectoryHandlers],
      providers: [{ provide: DirectoryService, useValue: new ProposedDirectoryService(database, variant) }],
    },
    config,
  );
  await app.listen();
  return {
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
