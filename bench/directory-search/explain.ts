// EXPLAIN (ANALYZE, BUFFERS) of a captured query, and the few lines of it worth printing.
import type { Database } from '../../libs/platform/src/db/database';
import type { CapturedQuery } from './capture';

type Sql = Database['sql'];

export interface ExplainSummary {
  /** Plan nodes, indented as in the plan, with their actual rows. */
  nodes: string[];
  /** Sort methods, temp-file buffers and JIT, when the plan has them. */
  notes: string[];
  planningMs: number;
  executionMs: number;
  /** The indexes the plan reads. */
  indexes: string[];
  text: string;
}

/** Runs the query under EXPLAIN (ANALYZE, BUFFERS) with its own parameters, as the service would. */
export async function explain(sql: Sql, query: CapturedQuery): Promise<ExplainSummary> {
  const rows = await sql.unsafe<Array<Record<string, string>>>(
    `explain (analyze, buffers, costs off) ${query.sql}`,
    query.params as never[],
    { prepare: false },
  );
  const lines = rows.map((row) => row['QUERY PLAN']);
  const nodes: string[] = [];
  const notes: string[] = [];
  const indexes = new Set<string>();
  let planningMs = NaN;
  let executionMs = NaN;
  const note = (text: string) => {
    if (!notes.includes(text)) notes.push(text);
  };
  lines.forEach((line, i) => {
    const isNode = i === 0 || /^\s*->/.test(line);
    if (isNode) {
      const indent = line.search(/\S/);
      const name = line
        .trim()
        .replace(/^->\s*/, '')
        .replace(/\s*\(actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)\)/, ' [rows=$1 loops=$2]')
        .replace(/\s*\(never executed\)/, ' [never executed]');
      nodes.push(`${' '.repeat(Math.max(0, Math.floor(indent / 3)))}${name}`);
      const index = /using (\S+)|Index Scan on (\S+)/.exec(name);
      if (index) indexes.add(index[1] ?? index[2]);
      return;
    }
    const text = line.trim();
    if (
      /^(Sort Method|Heap Fetches|Rows Removed by (Filter|Index Recheck)|Heap Blocks|Storage:|Worker)/.test(
        text,
      )
    ) {
      note(text);
    } else if (text.startsWith('Buffers:') && text.includes('temp')) {
      note(text);
    } else if (/^(JIT:|Timing: Generation)/.test(text)) {
      note(text);
    } else if (text.startsWith('Planning Time:')) {
      planningMs = Number.parseFloat(text.slice('Planning Time:'.length));
    } else if (text.startsWith('Execution Time:')) {
      executionMs = Number.parseFloat(text.slice('Execution Time:'.length));
    }
  });
  return { nodes, notes, planningMs, executionMs, indexes: [...indexes], text: lines.join('\n') };
}
