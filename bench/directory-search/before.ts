// --before: the directory query as it was before the two partial indexes and the capped count
// (one statement: the page with `count(*) over ()`, `ilike`, the stage list bound), timed raw
// in a transaction that has dropped the two indexes and is rolled back afterwards.
import type { CapturedQuery, CapturedSearch } from './capture';

/** The indexes migration 0003_directory_indexes added. */
export const NEW_INDEXES = ['network.cbos_directory_order_idx', 'network.cbos_directory_trgm_idx'];

/**
 * The old single statement, from the service's page statement: the stage list bound as the
 * first three parameters (as `inArray` sent it), `ilike` for `like`, and `count(*) over ()`
 * as the last column. The old service read the total from that column.
 */
export function oldSingleQuery(search: CapturedSearch): CapturedQuery {
  const { sql, params } = search.page;
  const stages = /"stage" in \(('[a-z_]+'(?:, '[a-z_]+')*)\)/.exec(sql);
  const from = ' from "network"."cbos" ';
  if (!stages || !sql.includes(from)) {
    throw new Error(`The service's page statement has changed shape: ${sql}`);
  }
  const values = stages[1].split(', ').map((s) => s.slice(1, -1));
  const old = sql
    .replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + values.length}`)
    .replace(stages[0], `"stage" in (${values.map((_, i) => `$${i + 1}`).join(', ')})`)
    .replace(/ like \$/g, ' ilike $')
    .replace(from, `, count(*) over ()${from}`);
  return { sql: old, params: [...values, ...params], prepare: false };
}
