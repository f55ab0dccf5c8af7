// The exact SQL the network service sends for a directory query, taken from the service's own
// code: the real DirectoryService builds its drizzle query on a database whose builders are
// recorded with `.toSQL()` instead of being run. If the service's query changes, so does the bench's.
import type { DirectoryQuery } from '../../libs/contracts/src';
import { DirectoryService } from '../../apps/network/src/directory/directory.module';
import type { NetworkDatabase } from '../../apps/network/src/db/database.module';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

interface Buildable {
  toSQL(): { sql: string; params: unknown[] };
}

/** Wraps a drizzle query builder so that awaiting it records its SQL and answers `answer`. */
function recording(builder: object, sink: CapturedQuery[], answer: unknown[]): unknown {
  return new Proxy(builder, {
    get(target, property) {
      if (property === 'then') {
        return (resolve: (rows: unknown[]) => void) => {
          const { sql, params } = (target as Buildable).toSQL();
          sink.push({ sql, params });
          resolve(answer);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        return result !== null && typeof result === 'object' ? recording(result, sink, answer) : result;
      };
    },
  });
}

/**
 * The page query DirectoryService.search sends for `query` (its first statement; the count it
 * sends only when a page past the end comes back empty is not part of the bench).
 */
export async function captureDirectorySql(
  database: NetworkDatabase,
  query: DirectoryQuery,
): Promise<CapturedQuery> {
  const sink: CapturedQuery[] = [];
  // One made-up row, so that the service does not go on to its past-the-end count.
  const answer = [{ total: 0 }];
  const db = new Proxy(database.db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property !== 'select' || typeof value !== 'function') return value;
      return (...args: unknown[]) => recording(value.apply(target, args) as object, sink, answer);
    },
  });
  await new DirectoryService({ ...database, db }).search(query);
  if (sink.length === 0) throw new Error('DirectoryService.search sent no query');
  return sink[0];
}
