// pnpm bench:directory — the Network Directory search under 100,000 CBOs: the API
// (HTTP → gateway → NATS → network service → PostgreSQL) beside the same SQL run directly.
// See README.md in this folder for what it measures and how to read it.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DIRECTORY_COUNT_CAP, DirectoryQuery } from '../../libs/contracts/src';
import { NATS_CONNECTION, createDatabase } from '../../libs/platform/src';
import {
  createTestCallerKeys,
  createTestDatabase,
  uniqueName,
  type TestDatabase,
} from '../../libs/platform/src/testing';
import { migrateNetwork, startNetworkService } from '../../apps/network/src/app';
import { loadNetworkConfig } from '../../apps/network/src/config/env';
import * as networkSchema from '../../apps/network/src/db/schema';
import { startGateway } from '../../apps/gateway/src/app';
import { loadGatewayConfig } from '../../apps/gateway/src/config/env';
import { NEW_INDEXES, oldSingleQuery } from './before';
import { closeClient, fetchGet, get, type Answered } from './client';
import { createCapturer, type CapturedQuery, type CapturedSearch } from './capture';
import { explain, type ExplainSummary } from './explain';
import { seedCbos } from './seed';
import { ms, msSince, ratio, summarize, table, type Summary } from './stats';

type Sql = ReturnType<typeof createDatabase>['sql'];
type Gateway = Awaited<ReturnType<typeof startGateway>>;

/** The goals this bench checks: API p95, API/raw at p95, and what the API adds at p50. */
const GOAL = { apiP95Ms: 20, maxRatio: 1.3, maxOverheadP50Ms: 1 };

/** A case whose warm-up median is above this is measured SLOW_N times, not n. */
const SLOW_MS = 50;
const SLOW_N = 100;

interface Options {
  rows: number;
  warmup: number;
  n: number;
  block: number;
  before: boolean;
  explainOnly: boolean;
  /** Measure the API with fetch (undici) instead of node:http. */
  fetch: boolean;
}

const USAGE = 'Options: --rows=N --warmup=N --n=N --block=N --before --explain-only --fetch';

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    rows: 100_000,
    warmup: 50,
    n: 500,
    block: 25,
    before: false,
    explainOnly: false,
    fetch: false,
  };
  for (const arg of argv) {
    const [flag, value] = arg.split('=');
    const number = Number(value);
    if (flag === '--before') options.before = true;
    else if (flag === '--explain-only') options.explainOnly = true;
    else if (flag === '--fetch') options.fetch = true;
    else if (
      ['--rows', '--warmup', '--n', '--block'].includes(flag) &&
      Number.isInteger(number) &&
      number > 0
    )
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

/** What a search answers, apart from the rows' other columns. */
interface Answer {
  ids: string[];
  total: number;
  totalIsLowerBound: boolean;
}

interface CaseResult {
  id: string;
  what: string;
  query: Record<string, string | number>;
  answer: Answer;
  /** Every match, counted without the cap (not timed). */
  matches: number;
  sql: CapturedSearch;
  series: Series;
  loadavg: number[];
  explain: { page: ExplainSummary; count: ExplainSummary };
}

interface BeforeResult {
  id: string;
  sql: CapturedQuery;
  n: number;
  raw: Summary;
  explain: ExplainSummary;
}

function log(line = ''): void {
  process.stdout.write(`${line}\n`);
}

const loadavg = () => os.loadavg().map((value) => Math.round(value * 100) / 100);
const noSeries = (): Series => ({ n: 0, api: summarize([NaN]), raw: summarize([NaN]) });

/** One statement as drizzle sends it (prepared once per connection or unnamed), rows as arrays. */
const send = (sql: Sql, query: CapturedQuery) =>
  sql.unsafe(query.sql, query.params as never[], { prepare: query.prepare }).values();

type Client = (url: string) => Promise<Answered>;

/** One API call, timed until the whole body is in (the client has the answer only then). */
async function timeApi(client: Client, url: string): Promise<number> {
  const start = process.hrtime.bigint();
  const response = await client(url);
  const elapsed = msSince(start);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return elapsed;
}

/**
 * The service's two statements, as it runs them: both at once on one pool (two of its
 * connections), the answer when both are in. The total follows the service's rule.
 */
async function rawSearch(sql: Sql, search: CapturedSearch, offset: number): Promise<Answer> {
  const [rows, [[counted]]] = await Promise.all([send(sql, search.page), send(sql, search.count)]);
  const cap = offset + DIRECTORY_COUNT_CAP;
  return {
    ids: rows.map((row) => String(row[0])),
    total: Math.min(Number(counted), cap),
    totalIsLowerBound: Number(counted) > cap,
  };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return msSince(start);
}

/** Warm-up; true when the case is slow, so that it gets SLOW_N calls, not n. */
async function warmUp(options: Options, sides: ReadonlyArray<() => Promise<number>>): Promise<boolean> {
  const probe: number[] = [];
  for (let i = 0; i < options.warmup; i++) {
    const [first, ...rest] = sides;
    probe.push(await first());
    for (const side of rest) await side();
    if (i === 4 && summarize(probe).p50 > SLOW_MS) break;
  }
  return summarize(probe).p50 > SLOW_MS;
}

/**
 * Warm-up, then n calls of each side in alternating blocks (API first in even blocks, raw
 * first in odd ones), so that load from elsewhere lands on both alike.
 */
async function measure(
  options: Options,
  sides: { api: () => Promise<number>; raw: () => Promise<number> },
): Promise<Series> {
  const n = (await warmUp(options, [sides.api, sides.raw])) ? Math.min(options.n, SLOW_N) : options.n;
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

/** The API must answer the same page (ids, in order), total and totalIsLowerBound as the raw side. */
async function checkApi(client: Client, url: string, expected: Answer): Promise<void> {
  const response = await client(url);
  const page = JSON.parse(response.body.toString('utf8')) as Partial<Answer> & {
    items?: Array<{ id: string }>;
  };
  if (response.status !== 200 || !page.items) throw new Error(`${url} answered ${response.status}`);
  const got = { ids: page.items.map((item) => item.id), total: page.total, lower: page.totalIsLowerBound };
  const want = { ids: expected.ids, total: expected.total, lower: expected.totalIsLowerBound };
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw new Error(
      `The API and the raw queries disagree on ${url}: API ${got.ids.length} items, total ${got.total}, ` +
        `lower bound ${got.lower}; raw ${want.ids.length} items, total ${want.total}, lower bound ${want.lower}`,
    );
  }
}

interface JetStreamHolder {
  jetstreamManager(): Promise<{ streams: { delete(name: string): Promise<boolean> } }>;
}

/**
 * The real network service and the real gateway, in this process, on `databaseUrl`, under a
 * NATS prefix of their own.
 */
interface Stack {
  gatewayUrl: string;
  /** A bare request and reply over the gateway's and the network service's own NATS connections. */
  natsEcho(payload: Uint8Array): Promise<unknown>;
  close(): Promise<void>;
}

interface NatsHolder extends JetStreamHolder {
  request(subject: string, data: Uint8Array, options: { timeout: number }): Promise<unknown>;
  subscribe(subject: string, options: { callback(error: unknown, message: EchoMessage): void }): unknown;
  flush(): Promise<void>;
}

interface EchoMessage {
  data: Uint8Array;
  respond(data: Uint8Array): boolean;
}

async function startStack(databaseUrl: string): Promise<Stack> {
  // Caller-signing keys of this run's own, removed at the end: the bench needs no set-up.
  const keys = await createTestCallerKeys();
  const env = {
    CALLER_KEYS_DIR: keys.dir,
    DATABASE_URL: databaseUrl,
    NATS_PREFIX: uniqueName('bench'),
    LOG_LEVEL: 'silent',
    GATEWAY_PORT: '0',
    NATS_TIMEOUT_MS: '10000',
  };
  const closers: Array<() => Promise<void>> = [async () => keys.remove()];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer().catch(() => undefined);
  };
  try {
    const service = await startNetworkService(loadNetworkConfig(env));
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
    const echoSubject = `${env.NATS_PREFIX}.bench.echo`;
    const serviceConnection = service.get<NatsHolder>(NATS_CONNECTION);
    serviceConnection.subscribe(echoSubject, {
      callback: (_error, message) => message.respond(message.data),
    });
    await serviceConnection.flush();
    const gatewayConnection = gateway.get<NatsHolder>(NATS_CONNECTION);
    return {
      gatewayUrl: `http://127.0.0.1:${address.port}`,
      natsEcho: (payload) => gatewayConnection.request(echoSubject, payload, { timeout: 10_000 }),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
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
  overhead: s.api.p50 - s.raw.p50 <= GOAL.maxOverheadP50Ms,
});

function queryText(query: Record<string, string | number>): string {
  return Object.entries(query)
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

function resultsTable(results: readonly CaseResult[], floor: Series, natsFloor: Series): string {
  const row = (id: string, total: string, matches: string, s: Series, goal: string, query: string) => [
    id,
    total,
    matches,
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
    const verdict = (ok: boolean) => (ok ? 'ok' : 'FAIL');
    const goal = r.series.n === 0 ? '-' : [pass.p95, pass.ratio, pass.overhead].map(verdict).join(' / ');
    const total = `${r.answer.total}${r.answer.totalIsLowerBound ? '+' : ''}`;
    return row(r.id, total, String(r.matches), r.series, goal, queryText(r.query) || '(none)');
  });
  rows.push(row('floor', '-', '-', floor, '-', 'GET /api/provinces | select $1'));
  rows.push(row('nats floor', '-', '-', natsFloor, '-', 'NATS request/reply, 12 KB | select $1'));
  return table(
    [
      'case',
      'total',
      'matches',
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
      'p95<20 / x<=1.3 / +<=1',
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

/** Every case through the real service and directly, after checking both answer alike. */
async function runCases(
  options: Options,
  capturer: ReturnType<typeof createCapturer>,
  pool: Sql,
  gatewayUrl: string,
  client: Client,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of CASES) {
    // The statements the service sends for this query, from the same (parsed) input the gateway sends.
    const parsed = DirectoryQuery.parse(c.query);
    const sql = await capturer.capture(parsed);
    const url = directoryUrl(gatewayUrl, c.query);
    const answer = await rawSearch(pool, sql, parsed.offset);
    await checkApi(client, url, answer);
    // Every match: the count statement with its limit (its last parameter) out of reach.
    const uncapped = { ...sql.count, params: [...sql.count.params.slice(0, -1), 2 ** 31 - 1] };
    const matches = Number((await send(pool, uncapped))[0][0]);
    let series = noSeries();
    if (!options.explainOnly) {
      log(`  ${c.id} (${answer.total}${answer.totalIsLowerBound ? '+' : ''} matches)…`);
      series = await measure(options, {
        api: () => timeApi(client, url),
        raw: () => timed(() => rawSearch(pool, sql, parsed.offset)),
      });
    }
    results.push({
      ...c,
      answer,
      matches,
      sql,
      series,
      loadavg: loadavg(),
      explain: { page: await explain(pool, sql.page), count: await explain(pool, sql.count) },
    });
  }
  return results;
}

/**
 * --before: the old single statement for every case, raw only, sequential, on one connection,
 * in a transaction that has dropped the two new indexes; rolled back at the end.
 */
async function runBefore(options: Options, pool: Sql, cases: readonly CaseResult[]): Promise<BeforeResult[]> {
  const results: BeforeResult[] = [];
  const rollback = new Error('rollback');
  await pool
    .begin(async (tx) => {
      await tx.unsafe(`drop index ${NEW_INDEXES.join(', ')}`);
      const txSql = tx as unknown as Sql;
      for (const c of cases) {
        const old = oldSingleQuery(c.sql);
        const rows = await send(txSql, old);
        const ids = rows.map((row) => String(row[0]));
        const total = rows.length > 0 ? Number(rows[0][rows[0].length - 1]) : 0;
        if (ids.join() !== c.answer.ids.join() || total !== c.matches) {
          throw new Error(`The old statement answers another page or total for ${c.id}`);
        }
        let n = 0;
        let raw = summarize([NaN]);
        if (!options.explainOnly) {
          log(`  before ${c.id}…`);
          const run = () => timed(() => send(txSql, old));
          n = (await warmUp(options, [run])) ? Math.min(options.n, SLOW_N) : options.n;
          const samples: number[] = [];
          for (let i = 0; i < n; i++) samples.push(await run());
          raw = summarize(samples);
        }
        results.push({ id: c.id, sql: old, n, raw, explain: await explain(txSql, old) });
      }
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return results;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  const loadStart = loadavg();
  log(`Directory search bench, ${startedAt.toISOString()}`);
  log(
    `Machine: ${os.cpus().length} CPUs, Node ${process.version}; load average at start: ${loadStart.join(' ')}`,
  );
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
    // The raw side's pool: the same createDatabase (postgres.js, max 10) as the service's.
    const own = createDatabase(database.url, networkSchema);
    closers.push(() => own.close());
    const pool = own.sql;
    const capturer = createCapturer(database.url);
    closers.push(() => capturer.close());
    const settings = await serverSettings(pool);
    log(`PostgreSQL: ${JSON.stringify(settings)}`);

    log(`Generating ${options.rows} CBOs…`);
    const seeded = await seedCbos(pool, options.rows);
    log(
      `Generated ${seeded.rows} CBOs (${seeded.directoryRows} in the directory) in ` +
        `${(seeded.insertMs / 1000).toFixed(1)} s (one INSERT … SELECT generate_series), ` +
        `then VACUUM (ANALYZE) in ${(seeded.vacuumMs / 1000).toFixed(1)} s.`,
    );

    const stack = await startStack(database.url);
    closers.push(() => stack.close());
    closers.push(async () => closeClient());
    log(`Network service and gateway at ${stack.gatewayUrl}; measuring:`);
    const client: Client = options.fetch ? fetchGet : get;
    const cases = await runCases(options, capturer, pool, stack.gatewayUrl, client);

    log('  floor (GET /api/provinces; raw select $1)…');
    const floorQuery: CapturedQuery = { sql: 'select $1::int as one', params: [1], prepare: false };
    const floor = options.explainOnly
      ? noSeries()
      : await measure(options, {
          api: () => timeApi(client, `${stack.gatewayUrl}/api/provinces`),
          raw: () => timed(() => send(pool, floorQuery)),
        });

    // The transport alone: the same two NATS connections the API path crosses, a reply the size of
    // a page of 20 profiles, no handler: the part of the floor above that is NATS itself.
    log('  NATS floor (bare request and reply, 12 KB)…');
    const echoPayload = new Uint8Array(12 * 1024).fill(120);
    const natsFloor = options.explainOnly
      ? noSeries()
      : await measure(options, {
          api: () => timed(() => stack.natsEcho(echoPayload)),
          raw: () => timed(() => send(pool, floorQuery)),
        });

    let before: BeforeResult[] | undefined;
    if (options.before) {
      log(`--before: the old single statement, without ${NEW_INDEXES.join(' and ')} (rolled back):`);
      before = await runBefore(options, pool, cases);
    }

    const loadEnd = loadavg();
    log();
    log(
      `Results in ms: ${options.n} calls per side after ${options.warmup} warm-up (n=${SLOW_N} for a case ` +
        `slower than ${SLOW_MS} ms in warm-up). Goals: API p95 < ${GOAL.apiP95Ms} ms, API/raw <= ${GOAL.maxRatio}x ` +
        `at p95, API − raw <= ${GOAL.maxOverheadP50Ms} ms at p50 (+). API client: ${options.fetch ? 'fetch' : 'node:http'}.`,
    );
    log(
      `Load average (1, 5, 15 min): start ${loadStart.join(' ')}, end ${loadEnd.join(' ')}; ${os.cpus().length} CPUs.`,
    );
    log();
    log(
      'API = HTTP → gateway → NATS → network service; raw = the same two statements (page, capped count) ' +
        'at once on two connections. total: "+" = totalIsLowerBound; matches: every match, uncapped.',
    );
    log(resultsTable(cases, floor, natsFloor));
    log();
    log(
      `Fixed cost of the API path: GET /api/provinces (no database) p50 ${ms(floor.api.p50)} ms, ` +
        `p95 ${ms(floor.api.p95)} ms. API/raw <= ${GOAL.maxRatio}x at p95 needs a raw p95 of at least ` +
        `${ms(floor.api.p95 / (GOAL.maxRatio - 1))} ms, i.e. a slow query.`,
    );
    log(
      `Transport floor: a bare NATS request and reply (12 KB) over the gateway's and the service's ` +
        `connections, p50 ${ms(natsFloor.api.p50)} ms, inside the floor's ${ms(floor.api.p50)} ms ` +
        `(HTTP → gateway → NATS → service → back, no SQL).`,
    );
    log();
    log("EXPLAIN (ANALYZE, BUFFERS) of the service's two statements, after the timed runs:");
    for (const c of cases) {
      printExplain(`${c.id} page`, c.explain.page);
      printExplain(`${c.id} count`, c.explain.count);
    }

    if (before) {
      log();
      log(
        '--before: the old single statement (count(*) over (), ilike, stages bound) without the two ' +
          'partial indexes, raw, sequential, one connection; beside the raw side of today:',
      );
      log(
        table(
          [
            'case',
            'n',
            'before p50',
            'before p95',
            'before p99',
            'now p50',
            'now p95',
            'before/now p50',
            'EXPLAIN ms',
          ],
          before.map((b) => {
            const now = cases.find((c) => c.id === b.id)!.series.raw;
            return [
              b.id,
              String(b.n),
              ms(b.raw.p50),
              ms(b.raw.p95),
              ms(b.raw.p99),
              ms(now.p50),
              ms(now.p95),
              ratio(b.raw.p50 / now.p50),
              ms(b.explain.executionMs),
            ];
          }),
        ),
      );
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
      countCap: DIRECTORY_COUNT_CAP,
      machine: {
        cpus: os.cpus().length,
        node: process.version,
        loadavgStart: loadStart,
        loadavgEnd: loadEnd,
      },
      postgres: settings,
      seed: seeded,
      floor,
      natsFloor,
      cases,
      before,
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
