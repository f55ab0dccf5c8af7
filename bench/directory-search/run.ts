// pnpm bench:directory — the Network Directory search under 100,000 CBOs: the API
// (HTTP → gateway → NATS → network service → PostgreSQL) beside the same SQL run directly.
// See README.md in this folder for what it measures and how to read it.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DirectoryQuery } from '../../libs/contracts/src';
import { NATS_CONNECTION, createDatabase } from '../../libs/platform/src';
import { createTestDatabase, uniqueName, type TestDatabase } from '../../libs/platform/src/testing';
import { migrateNetwork, startNetworkService } from '../../apps/network/src/app';
import { loadNetworkConfig } from '../../apps/network/src/config/env';
import type { NetworkDatabase } from '../../apps/network/src/db/database.module';
import * as networkSchema from '../../apps/network/src/db/schema';
import { startGateway } from '../../apps/gateway/src/app';
import { loadGatewayConfig } from '../../apps/gateway/src/config/env';
import { captureDirectorySql, type CapturedQuery } from './capture';
import { explain, type ExplainSummary } from './explain';
import {
  CAP,
  PROPOSED_INDEXES,
  proposeQueries,
  runProposed,
  startProposedNetworkService,
  type Variant,
} from './proposal';
import { seedCbos } from './seed';
import { ms, msSince, ratio, summarize, table, type Summary } from './stats';

type Sql = ReturnType<typeof createDatabase>['sql'];
type Gateway = Awaited<ReturnType<typeof startGateway>>;

/** The goal this bench checks. */
const GOAL = { apiP95Ms: 20, maxRatio: 1.3 };

/** A case whose warm-up API median is above this is measured SLOW_N times, not n. */
const SLOW_MS = 50;
const SLOW_N = 100;

interface Options {
  rows: number;
  warmup: number;
  n: number;
  block: number;
  tryIndex: boolean;
  explainOnly: boolean;
}

const USAGE = 'Options: --rows=N --warmup=N --n=N --block=N --try-index --explain-only';

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    rows: 100_000,
    warmup: 50,
    n: 500,
    block: 25,
    tryIndex: false,
    explainOnly: false,
  };
  for (const arg of argv) {
    const [flag, value] = arg.split('=');
    const number = Number(value);
    if (flag === '--try-index') options.tryIndex = true;
    else if (flag === '--explain-only') options.explainOnly = true;
    else if (['--rows', '--warmup', '--n', '--block'].includes(flag) && Number.isInteger(number) && number > 0)
      options[flag.slice(2) as 'rows' | 'warmup' | 'n' | 'block'] = number;
    else throw new Error(`Unknown option ${arg}. ${USAGE}`);
  }
  return options;
}

interface Case {
  id: string;
  /** What the case stands for, from the brief's query mix. */
  what: string;
  query: Record<string, string | number>;
}

const CASES: readonly Case[] = [
  { id: 'latin-common', what: '(a) Latin partial name, common', query: { q: 'fish' } },
  { id: 'latin-rare', what: '(a) Latin partial name, rare', query: { q: 'toal' } },
  { id: 'khmer-common', what: '(b) Khmer partial name, common (nesat, fishing)', query: { q: 'នេសាទ' } },
  { id: 'khmer-rare', what: '(b) Khmer place, rare (Phluk)', query: { q: 'ភ្លុក' } },
  { id: 'province', what: '(c) province only', query: { province: 'KH-2' } },
  { id: 'province-issue', what: '(d) province + issue', query: { province: 'KH-17', issue: 'fisheries' } },
  { id: 'name-province', what: '(e) name + province', query: { q: 'fish', province: 'KH-2' } },
  { id: 'no-filter', what: '(f) no filter, first page', query: {} },
  { id: 'deep-page', what: '(g) no filter, offset 2000', query: { offset: 2000 } },
  { id: 'no-match', what: 'a name that matches nothing', query: { q: 'zzqx' } },
];

interface Series {
  n: number;
  api: Summary;
  raw: Summary;
}

interface Measured {
  id: string;
  query: Record<string, string | number>;
  total: number;
  series: Series;
  loadavg: number[];
}

interface BaselineResult extends Measured {
  what: string;
  sql: CapturedQuery;
  explain: ExplainSummary;
}

interface ProposalResult extends Measured {
  page: CapturedQuery;
  count: CapturedQuery;
  explainPage: ExplainSummary;
  explainCount: ExplainSummary;
}

function log(line = ''): void {
  process.stdout.write(`${line}\n`);
}

const loadavg = () => os.loadavg().map((value) => Math.round(value * 100) / 100);
const noSeries = (): Series => ({ n: 0, api: summarize([NaN]), raw: summarize([NaN]) });

/** One API call, timed until the whole body is in (the client has the answer only then). */
async function timeApi(url: string): Promise<number> {
  const start = process.hrtime.bigint();
  const response = await fetch(url);
  await response.arrayBuffer();
  const elapsed = msSince(start);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return elapsed;
}

/** One run of the service's SQL, as drizzle sends it: an unnamed statement, rows as arrays. */
async function timeRaw(sql: Sql, query: CapturedQuery): Promise<number> {
  const start = process.hrtime.bigint();
  await sql.unsafe(query.sql, query.params as never[], { prepare: false }).values();
  return msSince(start);
}

/**
 * Warm-up, then n calls of each side in alternating blocks (API first in even blocks, raw
 * first in odd ones), so that load from elsewhere lands on both alike. A case that is slow in
 * warm-up is measured SLOW_N times, so that one run stays within minutes.
 */
async function measure(
  options: Options,
  sides: { api: () => Promise<number>; raw: () => Promise<number> },
): Promise<Series> {
  const probe: number[] = [];
  for (let i = 0; i < options.warmup; i++) {
    probe.push(await sides.api());
    await sides.raw();
    if (i === 4 && summarize(probe).p50 > SLOW_MS) break;
  }
  const n = summarize(probe).p50 > SLOW_MS ? Math.min(options.n, SLOW_N) : options.n;
  const samples = { api: [] as number[], raw: [] as number[] };
  const blocks = Math.ceil(n / options.block);
  for (let b = 0; b < blocks; b++) {
    const count = Math.min(options.block, n - b * options.block);
    for (const side of b % 2 === 0 ? (['api', 'raw'] as const) : (['raw', 'api'] as const)) {
      for (let i = 0; i < count; i++) samples[side].push(await sides[side]());
    }
  }
  return { n, api: summarize(samples.api), raw: summarize(samples.raw) };
}

function directoryUrl(gatewayUrl: string, query: Record<string, string | number>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ limit: 20, ...query })) params.set(key, String(value));
  return `${gatewayUrl}/api/directory?${params}`;
}

/** The API must answer the page and total the raw side found. */
async function checkApiPage(url: string, expected: { ids: string[]; total: number }): Promise<void> {
  const response = await fetch(url);
  const page = (await response.json()) as { items?: Array<{ id: string }>; total?: number };
  if (response.status !== 200 || !page.items) throw new Error(`${url} answered ${response.status}`);
  const ids = page.items.map((item) => item.id);
  if (ids.join() !== expected.ids.join() || page.total !== expected.total) {
    throw new Error(
      `The API and the raw query disagree on ${url}: ${ids.length} items, total ${page.total}; ` +
        `raw ${expected.ids.length} items, total ${expected.total}`,
    );
  }
}

async function rawPage(sql: Sql, query: CapturedQuery): Promise<{ ids: string[]; total: number }> {
  const rows = await sql.unsafe(query.sql, query.params as never[], { prepare: false }).values();
  return {
    ids: rows.map((row) => String(row[0])),
    total: rows.length > 0 ? Number(rows[0][rows[0].length - 1]) : 0,
  };
}

interface Stack {
  gatewayUrl: string;
  close(): Promise<void>;
}

interface JetStreamHolder {
  jetstreamManager(): Promise<{ streams: { delete(name: string): Promise<boolean> } }>;
}

/**
 * A network service and the real gateway, in this process, on `databaseUrl`, under a NATS
 * prefix of their own. `network` starts the service: the real one, or the proposal's stand-in.
 */
async function startStack(
  databaseUrl: string,
  network: (env: Record<string, string>) => Promise<{ close(): Promise<void> }>,
): Promise<Stack> {
  const env = {
    DATABASE_URL: databaseUrl,
    NATS_PREFIX: uniqueName('bench'),
    LOG_LEVEL: 'silent',
    GATEWAY_PORT: '0',
    NATS_TIMEOUT_MS: '10000',
  };
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer().catch(() => undefined);
  };
  try {
    const service = await network(env);
    closers.push(() => service.close());
    const gateway: Gateway = await startGateway(loadGatewayConfig(env));
    closers.push(async () => {
      // The gateway makes a JetStream key-value bucket for idempotency keys: remove this run's.
      const manager = await gateway.get<JetStreamHolder>(NATS_CONNECTION).jetstreamManager();
      await manager.streams.delete(`KV_${env.NATS_PREFIX}_idempotency`).catch(() => false);
      await gateway.close();
    });
    const address = gateway.getHttpServer().address();
    if (!address || typeof address === 'string') throw new Error('The gateway has no TCP address');
    return { gatewayUrl: `http://127.0.0.1:${address.port}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function startRealNetwork(env: Record<string, string>) {
  const app = await startNetworkService(loadNetworkConfig(env));
  return { close: () => app.close() };
}

async function serverSettings(sql: Sql): Promise<Record<string, string>> {
  const rows = await sql.unsafe<Array<{ name: string; setting: string }>>(
    `select name, setting || coalesce(unit, '') as setting from pg_settings
     where name in ('server_version', 'work_mem', 'shared_buffers', 'jit', 'jit_above_cost',
       'random_page_cost', 'lc_ctype', 'max_parallel_workers_per_gather')`,
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.setting]));
}

const passes = (s: Series) => ({
  p95: s.api.p95 < GOAL.apiP95Ms,
  ratio: s.api.p95 / s.raw.p95 <= GOAL.maxRatio,
});

function queryText(query: Record<string, string | number>): string {
  return Object.entries(query)
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

function resultsTable(results: readonly Measured[], floor?: Series): string {
  const row = (id: string, total: string, s: Series, goal: string, query: string) => [
    id,
    total,
    String(s.n),
    ms(s.api.p50),
    ms(s.api.p95),
    ms(s.api.p99),
    ms(s.raw.p50),
    ms(s.raw.p95),
    ms(s.raw.p99),
    ratio(s.api.p50 / s.raw.p50),
    ratio(s.api.p95 / s.raw.p95),
    ms(s.api.p50 - s.raw.p50),
    goal,
    query,
  ];
  const rows = results.map((r) => {
    const pass = passes(r.series);
    const goal = `${pass.p95 ? 'ok' : 'FAIL'} / ${pass.ratio ? 'ok' : 'FAIL'}`;
    return row(r.id, String(r.total), r.series, goal, queryText(r.query) || '(none)');
  });
  if (floor) rows.push(row('floor', '-', floor, '-', 'GET /api/provinces | select $1'));
  return table(
    [
      'case',
      'total',
      'n',
      'api p50',
      'api p95',
      'api p99',
      'raw p50',
      'raw p95',
      'raw p99',
      'x p50',
      'x p95',
      'api-raw p50',
      'p95<20 / x<=1.3',
      'query',
    ],
    rows,
  );
}

function printExplain(label: string, summary: ExplainSummary): void {
  log(
    `${label}: execution ${summary.executionMs.toFixed(2)} ms, planning ${summary.planningMs.toFixed(2)} ms; ` +
      `indexes: ${summary.indexes.join(', ') || 'none'}`,
  );
  for (const node of summary.nodes) log(`    ${node}`);
  for (const note of summary.notes) log(`      · ${note}`);
}

/** The service's SQL for every case, run through the real service and directly. */
async function runBaseline(
  options: Options,
  own: NetworkDatabase,
  gatewayUrl: string,
): Promise<BaselineResult[]> {
  const sql = own.sql;
  const results: BaselineResult[] = [];
  for (const c of CASES) {
    // The SQL the service builds for this query, from the same (parsed) input the gateway sends.
    const query = await captureDirectorySql(own, DirectoryQuery.parse(c.query));
    const url = directoryUrl(gatewayUrl, c.query);
    const expected = await rawPage(sql, query);
    await checkApiPage(url, expected);
    let series = noSeries();
    if (!options.explainOnly) {
      log(`  ${c.id} (${expected.total} matches)…`);
      series = await measure(options, { api: () => timeApi(url), raw: () => timeRaw(sql, query) });
    }
    const plan = await explain(sql, query);
    results.push({ ...c, sql: query, total: expected.total, series, loadavg: loadavg(), explain: plan });
  }
  return results;
}

/** Each case with a proposed variant, through the stand-in service and directly. */
async function runProposal(
  options: Options,
  variant: Variant,
  pair: Sql,
  gatewayUrl: string,
  baseline: readonly BaselineResult[],
): Promise<ProposalResult[]> {
  const results: ProposalResult[] = [];
  for (const b of baseline) {
    const queries = proposeQueries(b.sql, variant);
    const { rows, total } = await runProposed(pair, queries);
    const ids = rows.map((row) => row.id);
    // The proposal must answer the same page, and the same total (or the capped one).
    const wanted = variant === 'exact' ? b.total : Math.min(b.total, CAP + 1);
    if (ids.join() !== (await rawPage(pair, b.sql)).ids.join() || total !== wanted) {
      throw new Error(`The ${variant} proposal answers another page or total for ${b.id}`);
    }
    const url = directoryUrl(gatewayUrl, b.query);
    await checkApiPage(url, { ids, total });
    let series = noSeries();
    if (!options.explainOnly) {
      log(`  ${variant} ${b.id}…`);
      series = await measure(options, {
        api: () => timeApi(url),
        raw: async () => {
          const start = process.hrtime.bigint();
          await runProposed(pair, queries);
          return msSince(start);
        },
      });
    }
    results.push({
      id: b.id,
      query: b.query,
      total,
      series,
      loadavg: loadavg(),
      page: queries.page,
      count: queries.count,
      explainPage: await explain(pair, queries.page),
      explainCount: await explain(pair, queries.count),
    });
  }
  return results;
}

interface CountTiming {
  index: string;
  operator: string;
  latinMs: Summary;
  khmerMs: Summary;
}

/** The count of a common name on its own, with ilike and like: what the recheck costs. */
async function timeCounts(sql: Sql, baseline: readonly BaselineResult[], index: string): Promise<CountTiming[]> {
  const out: CountTiming[] = [];
  const pick = (id: string) => baseline.find((b) => b.id === id)?.sql;
  const latin = pick('latin-common');
  const khmer = pick('khmer-common');
  if (!latin || !khmer) return out;
  for (const operator of ['ilike', 'like']) {
    const count = (q: CapturedQuery) => {
      const { count } = proposeQueries(q, 'exact');
      return operator === 'like' ? count : { ...count, sql: count.sql.replace(/ like \$/g, ' ilike $') };
    };
    const samples = { latin: [] as number[], khmer: [] as number[] };
    for (let i = 0; i < 35; i++) {
      const l = await timeRaw(sql, count(latin));
      const k = await timeRaw(sql, count(khmer));
      if (i >= 5) samples.latin.push(l), samples.khmer.push(k);
    }
    out.push({ index, operator, latinMs: summarize(samples.latin), khmerMs: summarize(samples.khmer) });
  }
  return out;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  const loadStart = loadavg();
  log(`Directory search bench, ${startedAt.toISOString()}`);
  log(`Machine: ${os.cpus().length} CPUs, Node ${process.version}; load average at start: ${loadStart.join(' ')}`);
  log(`Options: ${JSON.stringify(options)}`);

  let database: TestDatabase | undefined;
  const closers: Array<() => Promise<void>> = [];
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const closer of closers.splice(0).reverse()) {
        await closer().catch((error) => log(`Cleaning up: ${String(error)}`));
      }
      if (database) {
        await database.drop().catch((error) => log(`Dropping ${database?.name} failed: ${String(error)}`));
        log(`Dropped database ${database.name}.`);
      }
    })());
  process.once('SIGINT', () => {
    log('Interrupted: cleaning up.');
    void cleanup().finally(() => process.exit(130));
  });

  try {
    database = await createTestDatabase('bench');
    log(`Database ${database.name}`);
    await migrateNetwork(database.url);
    // The bench's own connections: one for the service's SQL, two for the proposal's pair.
    const own = createDatabase(database.url, networkSchema, { max: 1 });
    closers.push(() => own.close());
    const sql = own.sql;
    const settings = await serverSettings(sql);
    log(`PostgreSQL: ${JSON.stringify(settings)}`);

    log(`Generating ${options.rows} CBOs…`);
    const seeded = await seedCbos(sql, options.rows);
    log(
      `Generated ${seeded.rows} CBOs (${seeded.directoryRows} in the directory) in ` +
        `${(seeded.insertMs / 1000).toFixed(1)} s (one INSERT … SELECT generate_series), ` +
        `then VACUUM (ANALYZE) in ${(seeded.vacuumMs / 1000).toFixed(1)} s.`,
    );

    const stack = await startStack(database.url, startRealNetwork);
    closers.push(() => stack.close());
    log(`Real network service and gateway at ${stack.gatewayUrl}; measuring the service's query:`);
    const baseline = await runBaseline(options, own, stack.gatewayUrl);

    log('  floor (GET /api/provinces; raw select $1)…');
    const floorQuery: CapturedQuery = { sql: 'select $1::int as one', params: [1] };
    const floor = options.explainOnly
      ? noSeries()
      : await measure(options, {
          api: () => timeApi(`${stack.gatewayUrl}/api/provinces`),
          raw: () => timeRaw(sql, floorQuery),
        });

    let tried:
      | {
          counts: CountTiming[];
          currentWithIndexes: Array<{ id: string; explain: ExplainSummary }>;
          proposals: Record<Variant, ProposalResult[]>;
        }
      | undefined;
    if (options.tryIndex) {
      log('--try-index: the proposed indexes, in this database only:');
      const counts = await timeCounts(sql, baseline, 'cbos_search_trgm_idx (today)');
      for (const index of PROPOSED_INDEXES) {
        const started = process.hrtime.bigint();
        await sql.unsafe(index.ddl);
        log(`  ${index.ddl} (${(msSince(started) / 1000).toFixed(1)} s)`);
      }
      await sql.unsafe('vacuum (analyze) network.cbos');
      counts.push(...(await timeCounts(sql, baseline, 'cbos_directory_trgm_idx (partial)')));
      const currentWithIndexes = [];
      for (const b of baseline) currentWithIndexes.push({ id: b.id, explain: await explain(sql, b.sql) });

      const pair = createDatabase(database.url, networkSchema, { max: 2 }).sql;
      closers.push(() => pair.end({ timeout: 5 }));
      const proposals = {} as Record<Variant, ProposalResult[]>;
      for (const variant of ['exact', 'capped'] as const) {
        const proposed = await startStack(database.url, (env) =>
          startProposedNetworkService(loadNetworkConfig(env), variant),
        );
        closers.push(() => proposed.close());
        log(`Proposal "${variant}" behind a second gateway at ${proposed.gatewayUrl}:`);
        proposals[variant] = await runProposal(options, variant, pair, proposed.gatewayUrl, baseline);
      }
      tried = { counts, currentWithIndexes, proposals };
    }

    const loadEnd = loadavg();
    log();
    log(
      `Results in ms: ${options.n} calls per side after ${options.warmup} warm-up (n=${SLOW_N} for a case ` +
        `slower than ${SLOW_MS} ms in warm-up). Goal: API p95 < ${GOAL.apiP95Ms} ms and API/raw <= ${GOAL.maxRatio}x.`,
    );
    log(`Load average (1, 5, 15 min): start ${loadStart.join(' ')}, end ${loadEnd.join(' ')}; ${os.cpus().length} CPUs.`);
    log();
    log('The service as it is (API = HTTP → gateway → NATS → network service; raw = the same SQL, directly):');
    log(resultsTable(baseline, floor));
    log();
    log(
      `Fixed cost of the API path: GET /api/provinces (no database) p50 ${ms(floor.api.p50)} ms, ` +
        `p95 ${ms(floor.api.p95)} ms. API/raw <= ${GOAL.maxRatio}x at p95 needs a raw p95 of at least ` +
        `${ms(floor.api.p95 / (GOAL.maxRatio - 1))} ms, i.e. a slow query.`,
    );
    log();
    log('EXPLAIN (ANALYZE, BUFFERS) of the service\'s SQL, after the timed runs:');
    for (const b of baseline) printExplain(b.id, b.explain);

    if (tried) {
      log();
      log('--try-index: count(*) of a common name alone (30 runs, ms), by index and operator:');
      log(
        table(
          ['index', 'operator', 'fish p50', 'fish p95', 'nesat p50', 'nesat p95'],
          tried.counts.map((c) => [
            c.index,
            c.operator,
            ms(c.latinMs.p50),
            ms(c.latinMs.p95),
            ms(c.khmerMs.p50),
            ms(c.khmerMs.p95),
          ]),
        ),
      );
      log();
      log("--try-index: the service's SQL unchanged, with the proposed indexes (EXPLAIN ANALYZE):");
      for (const c of tried.currentWithIndexes) {
        log(
          `  ${c.id}: ${c.explain.executionMs.toFixed(2)} ms, ${c.explain.nodes.map((n) => n.trim()).join(' > ')}`,
        );
      }
      for (const variant of ['exact', 'capped'] as const) {
        log();
        log(
          variant === 'exact'
            ? '--try-index: proposal "exact": page without count(*) over () + separate exact count(*), in parallel; like; new indexes'
            : `--try-index: proposal "capped": as "exact", but the count stops at ${CAP + 1} ("more than ${CAP}")`,
        );
        log(resultsTable(tried.proposals[variant]));
        log('  EXPLAIN (page | count):');
        for (const p of tried.proposals[variant]) {
          log(
            `  ${p.id}: page ${p.explainPage.executionMs.toFixed(2)} ms ${p.explainPage.nodes.map((n) => n.trim()).join(' > ')}`,
          );
          log(
            `  ${' '.repeat(p.id.length)}  count ${p.explainCount.executionMs.toFixed(2)} ms ${p.explainCount.nodes.map((n) => n.trim()).join(' > ')}`,
          );
        }
      }
    }

    const file = path.join(
      __dirname,
      '..',
      'results',
      `directory-search-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
    );
    await mkdir(path.dirname(file), { recursive: true });
    const report = {
      startedAt: startedAt.toISOString(),
      options,
      goal: GOAL,
      machine: { cpus: os.cpus().length, node: process.version, loadavgStart: loadStart, loadavgEnd: loadEnd },
      postgres: settings,
      seed: seeded,
      floor,
      cases: baseline,
      tryIndex: tried && { indexes: PROPOSED_INDEXES, ...tried },
    };
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    log();
    log(`Wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
