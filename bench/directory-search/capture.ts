// The exact SQL the network service sends for a directory query, taken from the service's own
// code: the real DirectoryService runs on a connection pool of the bench's own whose
// `sql.unsafe` (what drizzle calls for every statement) records the text, the parameters and
// the options before sending them. If the service's queries change, so do the bench's.
import { createDatabase } from '../../libs/platform/src';
import type { DirectoryQuery } from '../../libs/contracts/src';
import { DirectoryRepository } from '../../apps/network/src/directory/directory.repository';
import { DirectoryService } from '../../apps/network/src/directory/directory.service';
import * as networkSchema from '../../apps/network/src/db/schema';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
  /** As drizzle sent it: a statement prepared once per connection, or an unnamed one. */
  prepare: boolean;
}

/** The two statements DirectoryService.search sends side by side. */
export interface CapturedSearch {
  /** The page: `select … order by … limit $n offset $m`. */
  page: CapturedQuery;
  /** The capped count: `select count(*) from (select 1 … limit $k) "matches"`. */
  count: CapturedQuery;
}

export interface Capturer {
  capture(query: DirectoryQuery): Promise<CapturedSearch>;
  close(): Promise<void>;
}

export function createCapturer(databaseUrl: string): Capturer {
  const database = createDatabase(databaseUrl, networkSchema, { max: 2 });
  let sent: Array<Omit<CapturedQuery, 'prepare'> & { options: unknown }> = [];
  const unsafe = database.sql.unsafe;
  database.sql.unsafe = ((sql: string, params: unknown[], options: unknown) => {
    sent.push({ sql, params, options });
    return unsafe(sql, params as never[], options as never);
  }) as typeof unsafe;
  return {
    async capture(query) {
      sent = [];
      await new DirectoryService(new DirectoryRepository(database)).search(query);
      const counts = sent.filter((q) => q.sql.startsWith('select count(*)'));
      const pages = sent.filter((q) => !counts.includes(q));
      if (sent.length !== 2 || counts.length !== 1) {
        throw new Error(
          `DirectoryService.search no longer sends one page and one count:\n${sent.map((q) => q.sql).join('\n')}`,
        );
      }
      // The raw side sends them with the same options: check that there are no others.
      const prepareOf = (q: { sql: string; options: unknown }) => {
        const options = JSON.stringify(q.options);
        if (options !== '{"prepare":true}' && options !== '{"prepare":false}') {
          throw new Error(`drizzle sent ${q.sql} with options ${options}`);
        }
        return options === '{"prepare":true}';
      };
      return {
        page: { sql: pages[0].sql, params: pages[0].params, prepare: prepareOf(pages[0]) },
        count: { sql: counts[0].sql, params: counts[0].params, prepare: prepareOf(counts[0]) },
      };
    },
    close: () => database.close(),
  };
}
