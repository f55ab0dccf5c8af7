// pnpm bench:pipeline — how many pipeline stage transitions per second the whole stack makes
// (HTTP → gateway → NATS → orchestrator → Temporal workflow → activities → network service),
// beside a trivial two-update workflow on the same Temporal server, in the same run.
// See README.md in this folder for what it measures and how to read it.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { uniqueName } from '../../libs/platform/src/testing';
import { STAFF, TestStack, runningWorkflows } from '../../apps/gateway/test/stack';
import { ms, msSince, summarize, type Summary } from '../directory-search/stats';
import { HISTORY_KINDS, historyOf, type HistorySummary } from './history';
import {
  Client,
  Connection,
  DefaultLogger,
  NativeConnection,
  ORCHESTRATOR_MODULES,
  Worker,
  bundleWorkflowCode,
  type WorkflowHandle,
} from './sdk';
import { BASELINE_WORKFLOW, firstStep, secondStep, type BaselineActivities } from './workflows';

/** The goal this bench checks: pipeline transitions per second ÷ the baseline's. */
const GOAL_RATIO = 0.8;

/** A step still refused after this long is a failure, not a refusal. */
const STEP_DEADLINE_MS = 60_000;

/** Stage transitions per CBO (and per baseline workflow): see README.md. */
const TRANSITIONS_PER_ITEM = 3;

interface Options {
  cbos: number;
  concurrency: number;
  warmup: number;
  sample: number;
  retryMs: number;
}

const USAGE =
  'Options: --cbos N (100) --concurrency N (10) --warmup N (10) --sample N (20) --retry-ms N (50); ' +
  '"--cbos 100" or "--cbos=100"';

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { cbos: 100, concurrency: 10, warmup: 10, sample: 20, retryMs: 50 };
  const names: Record<string, keyof Options> = {
    '--cbos': 'cbos',
    '--concurrency': 'concurrency',
    '--warmup': 'warmup',
    '--sample': 'sample',
    '--retry-ms': 'retryMs',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = inline ?? argv[++i];
    const number = Number(value);
    const name = names[flag];
    const least = name === 'warmup' || name === 'retryMs' ? 0 : 1;
    if (!name || !Number.isInteger(number) || number < least) {
      throw new Error(`Bad option ${flag} ${value ?? ''}. ${USAGE}`);
    }
    options[name] = number;
  }
  return options;
}

function log(line = ''): void {
  process.stdout.write(`${line}\n`);
}

const loadavg = () => os.loadavg().map((value) => Math.round(value * 100) / 100);

function gitState(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    const changed = (...paths: string[]) =>
      git('status', '--porcelain', '--', ...paths)
        .split('\n')
        .filter(Boolean).length;
    const all = changed('apps', 'libs');
    const pipeline = changed('libs/workflows', 'apps/orchestrator');
    const head = git('rev-parse', '--short', 'HEAD');
    return all ? `${head} + ${all} changed files in apps/libs, ${pipeline} in workflows/orchestrator` : head;
  } catch {
    return 'unknown';
  }
}

/** One step of one item, as the bench saw it. */
interface StepStats {
  /** Latency of each accepted call, ms. */
  accepted: number[];
  /** Latency of each refused call, ms. */
  refused: number[];
  /** Refused calls by status and reason. */
  reasons: Record<string, number>;
  /** Items whose first call of this step was refused. */
  firstTryRefused: number;
  /** From the first call to the accepted answer, waits and retries included, ms. */
  step: number[];
}

const newStep = (): StepStats => ({ accepted: [], refused: [], reasons: {}, firstTryRefused: 0, step: [] });

interface Reply {
  status: number;
  body: any;
}

/** A refusal that means "not yet": the step is sent again after a short wait. */
function notYet({ status, body }: Reply): string | undefined {
  const reason = body?.details?.reason as string | undefined;
  if (status === 409 && (reason === 'wrong_stage' || reason === 'busy')) {
    return `${reason}${body.details.stage ? ` (at ${body.details.stage})` : ''}`;
  }
  // The CBO is recorded, but its pipeline is not started yet (the network service's outbox starts it).
  if (status === 404 && body?.details?.resource === 'Pipeline of CBO') return 'not_found (no pipeline yet)';
  if (status === 503) return 'unavailable';
  return undefined;
}

/**
 * Sends a step until it is accepted: a "not yet" refusal is counted and sent again after
 * `retryMs`; any other answer that `accept` does not take is a failure.
 */
async function runStep(
  stats: StepStats,
  what: string,
  retryMs: number,
  send: () => Promise<Reply>,
  accept: (reply: Reply) => boolean,
): Promise<Reply> {
  const first = process.hrtime.bigint();
  for (let attempt = 0; ; attempt++) {
    const start = process.hrtime.bigint();
    const reply = await send();
    const elapsed = msSince(start);
    if (accept(reply)) {
      stats.accepted.push(elapsed);
      stats.step.push(msSince(first));
      return reply;
    }
    const reason = notYet(reply);
    if (!reason) throw new Error(`${what} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    stats.refused.push(elapsed);
    stats.reasons[`${reply.status} ${reason}`] = (stats.reasons[`${reply.status} ${reason}`] ?? 0) + 1;
    if (attempt === 0) stats.firstTryRefused += 1;
    if (msSince(first) > STEP_DEADLINE_MS) {
      throw new Error(
        `${what} was still refused after ${STEP_DEADLINE_MS} ms: ${JSON.stringify(reply.body)}`,
      );
    }
    await sleep(retryMs);
  }
}

/** Runs `run(0..count-1)`, `concurrency` at a time; the first failure stops the others taking more. */
async function pool<T>(count: number, concurrency: number, run: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  let failed = false;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (!failed && next < count) {
        const i = next++;
        try {
          results[i] = await run(i);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    }),
  );
  return results;
}

interface Phase<S extends string> {
  label: string;
  items: number;
  wallMs: number;
  transitionsPerSecond: number;
  steps: Record<S, StepStats>;
}

async function phase<S extends string>(
  label: string,
  stepNames: readonly S[],
  options: Options,
  count: number,
  run: (i: number, steps: Record<S, StepStats>) => Promise<void>,
): Promise<Phase<S>> {
  const steps = Object.fromEntries(stepNames.map((name) => [name, newStep()])) as Record<S, StepStats>;
  const start = process.hrtime.bigint();
  await pool(count, options.concurrency, (i) => run(i, steps));
  const wallMs = msSince(start);
  const transitionsPerSecond = (count * TRANSITIONS_PER_ITEM) / (wallMs / 1000);
  log(
    `  ${label}: ${count} items in ${(wallMs / 1000).toFixed(2)} s, ${transitionsPerSecond.toFixed(1)} transitions/s`,
  );
  return { label, items: count, wallMs, transitionsPerSecond, steps };
}

const PIPELINE_STEPS = ['create', 'assess', 'decide'] as const;
const BASELINE_STEPS = ['start', 'first update', 'second update'] as const;
type PipelineStep = (typeof PIPELINE_STEPS)[number];
type BaselineStep = (typeof BASELINE_STEPS)[number];

type Who = 'coordinator' | 'assessor' | 'approver' | 'admin';

/** The gateway's HTTP API, as the staff accounts of the stack. */
function apiOf(stack: TestStack, tokens: Record<Who, string>) {
  return async (who: Who, route: string, json?: unknown, key?: string): Promise<Reply> => {
    const response = await fetch(`${stack.gatewayUrl}${route}`, {
      method: json === undefined ? 'GET' : 'POST',
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
      },
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

type Api = ReturnType<typeof apiOf>;

/** A needs assessment with every rubric criterion at its highest score. */
async function assessmentDraft(api: Api) {
  const { status, body } = await api('admin', '/api/settings/network');
  if (status !== 200) throw new Error(`GET /api/settings/network answered ${status}`);
  const rubric = body.settings.rubric as Array<{ key: string; maxScore: number }>;
  return {
    membersWomen: 14,
    membersMen: 11,
    ongoingActivities: 'Monthly forest patrols',
    plannedActivities: 'Map the land in dispute with the commune',
    ambitions: 'A communal land title',
    leadership: 'An elected committee of five, two of them women',
    meetingsHeld: 12,
    recordsKept: true,
    registration: 'in_progress',
    risks: 'Threats from a concession company',
    scores: Object.fromEntries(rubric.map((criterion) => [criterion.key, criterion.maxScore])),
  };
}

/**
 * Each worker takes one CBO through the pipeline: a coordinator records it, an assessor
 * assesses it as soon as the answer is in, and an approver selects it. Answers the workflow ids.
 */
async function runPipeline(
  label: string,
  api: Api,
  assessment: unknown,
  options: Options,
  count: number,
): Promise<Phase<PipelineStep> & { workflowIds: string[] }> {
  const tag = uniqueName(label);
  const workflowIds: string[] = [];
  const result = await phase(label, PIPELINE_STEPS, options, count, async (i, steps) => {
    const draft = {
      name: `Bench group ${tag} ${i}`,
      provinceCode: `KH-${(i % 25) + 1}`,
      // A commune of its own: no CBO of the run is a likely duplicate of another.
      commune: `Bench commune ${tag} ${i}`,
      focusIssues: ['land'],
      foundVia: 'field_visit',
    };
    const key = uniqueName('bench-key');
    const created = await runStep(
      steps.create,
      'POST /api/cbos',
      options.retryMs,
      () => api('coordinator', '/api/cbos', draft, key),
      (reply) => reply.status === 201 && typeof reply.body?.cbo?.id === 'string',
    );
    const id = created.body.cbo.id as string;
    workflowIds[i] = created.body.workflowId as string;
    await runStep(
      steps.assess,
      `POST /api/cbos/${id}/assessment`,
      options.retryMs,
      () => api('assessor', `/api/cbos/${id}/assessment`, assessment),
      (reply) => reply.status === 200 && reply.body?.stage === 'selection',
    );
    await runStep(
      steps.decide,
      `POST /api/cbos/${id}/decision`,
      options.retryMs,
      () => api('approver', `/api/cbos/${id}/decision`, { outcome: 'selected', reason: 'Bench' }),
      (reply) => reply.status === 200 && reply.body?.stage === 'participant',
    );
  });
  return { ...result, workflowIds };
}

/** Each worker starts one baseline workflow and sends it its two updates, with the Temporal client. */
async function runBaseline(
  label: string,
  client: Client,
  taskQueue: string,
  options: Options,
  count: number,
): Promise<Phase<BaselineStep> & { workflowIds: string[] }> {
  const workflowIds = Array.from({ length: count }, (_, i) => `${taskQueue}-${label}-${i}`);
  const timedCall = async <T>(stats: StepStats, call: () => Promise<T>): Promise<T> => {
    const start = process.hrtime.bigint();
    const value = await call();
    stats.accepted.push(msSince(start));
    stats.step.push(msSince(start));
    return value;
  };
  const result = await phase(label, BASELINE_STEPS, options, count, async (i, steps) => {
    const handle = await timedCall(steps.start, () =>
      client.workflow.start(BASELINE_WORKFLOW, { taskQueue, workflowId: workflowIds[i], args: [] }),
    );
    const first = await timedCall(steps['first update'], () => handle.executeUpdate(firstStep));
    const second = await timedCall(steps['second update'], () => handle.executeUpdate(secondStep));
    if (first !== 1 || second !== 2)
      throw new Error(`Baseline ${workflowIds[i]} answered ${first}, ${second}`);
  });
  return { ...result, workflowIds };
}

/** `size` of `ids`, spread evenly over the run. */
function sampleOf(ids: readonly string[], size: number): string[] {
  const n = Math.min(size, ids.length);
  return Array.from({ length: n }, (_, k) => ids[Math.floor((k * ids.length) / n)]);
}

/** The bench's own worker for the baseline, on its own task queue, in this process. */
async function startBaselineWorker(address: string, taskQueue: string) {
  const activities: BaselineActivities = { touch: async ({ step }) => step };
  const bundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('./workflows'),
    logger: new DefaultLogger('WARN'),
    // The bundle's own imports of @temporalio/workflow resolve from here, where there is none.
    webpackConfigHook: (config) => {
      config.resolve = {
        ...config.resolve,
        modules: [...(config.resolve?.modules ?? []), ORCHESTRATOR_MODULES],
      };
      return config;
    },
  });
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({ connection, taskQueue, workflowBundle: bundle, activities });
  const running = worker.run();
  return {
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

/** Markdown table. */
function markdown(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const pct = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`;
const summaryOf = (values: readonly number[]) => (values.length ? summarize(values) : undefined);

function stepRows(phaseResult: Phase<string>): string[][] {
  return Object.entries(phaseResult.steps).map(([name, stats]) => {
    const accepted = summaryOf(stats.accepted);
    const step = summaryOf(stats.step);
    const refused = summaryOf(stats.refused);
    const reasons = Object.entries(stats.reasons)
      .map(([reason, n]) => `${n}× ${reason}`)
      .join(', ');
    return [
      `${phaseResult.label}: ${name}`,
      String(stats.accepted.length),
      String(stats.refused.length),
      String(stats.firstTryRefused),
      reasons || '-',
      accepted ? pct(accepted) : '-',
      refused ? ms(refused.p50) : '-',
      step ? pct(step) : '-',
    ];
  });
}

function historyRow(label: string, summary: HistorySummary): string[] {
  return [
    `${label} (${summary.workflows})`,
    ...HISTORY_KINDS.map((kind) => {
      const mean = Number.isInteger(summary.mean[kind])
        ? String(summary.mean[kind])
        : summary.mean[kind].toFixed(1);
      return summary.min[kind] === summary.max[kind]
        ? mean
        : `${mean} (${summary.min[kind]}–${summary.max[kind]})`;
    }),
  ];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  const loadStart = loadavg();
  const code = gitState();
  log(`Pipeline bench, ${startedAt.toISOString()}, in ${process.cwd()} (${code})`);
  log(
    `Machine: ${os.cpus().length} CPUs, Node ${process.version}; load average at start: ${loadStart.join(' ')}`,
  );
  log(`Options: ${JSON.stringify(options)}`);

  const closers: Array<() => Promise<void>> = [];
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const closer of closers.splice(0).reverse()) {
        await closer().catch((error) => log(`Cleaning up: ${String(error)}`));
      }
    })());
  process.once('SIGINT', () => {
    log('Interrupted: cleaning up.');
    void cleanup().finally(() => process.exit(130));
  });

  try {
    // The stack first: the orchestrator installs the Temporal Runtime the bench's worker shares.
    const stack = await TestStack.start('bench-pipeline');
    closers.push(async () => {
      await stack.stop();
      log(`Stopped the stack; dropped database ${stack.database.name}.`);
    });
    const address = stack.env.TEMPORAL_ADDRESS;
    log(
      `Stack: gateway ${stack.gatewayUrl}, database ${stack.database.name}, NATS prefix ` +
        `${stack.env.NATS_PREFIX}, task queue ${stack.env.TEMPORAL_TASK_QUEUE} on Temporal ${address}`,
    );
    const tokens = {} as Record<Who, string>;
    for (const who of ['coordinator', 'assessor', 'approver', 'admin'] as const) {
      tokens[who] = await stack.tokenFor(STAFF[who]);
    }
    const api = apiOf(stack, tokens);
    const assessment = await assessmentDraft(api);

    const connection = await Connection.connect({ address });
    const client = new Client({ connection });
    const baselineQueue = uniqueName('bench-baseline');
    closers.push(async () => {
      // Nothing should still run there; a failed run may leave some.
      for (const { workflowId, runId } of await runningWorkflows(client, baselineQueue)) {
        await client.workflow
          .getHandle(workflowId, runId)
          .terminate('the bench stopped')
          .catch(() => undefined);
      }
      await connection.close();
    });
    const worker = await startBaselineWorker(address, baselineQueue);
    closers.push(() => worker.stop());
    log(`Baseline worker on ${baselineQueue}.`);

    if (options.warmup > 0) {
      log(`Warm-up (${options.warmup} of each, not counted):`);
      await runPipeline('warm-up pipeline', api, assessment, options, options.warmup);
      await runBaseline('warm-up baseline', client, baselineQueue, options, options.warmup);
    }
    log(`Measuring ${options.cbos} of each at concurrency ${options.concurrency}:`);
    const before = await runBaseline('baseline 1', client, baselineQueue, options, options.cbos);
    const pipeline = await runPipeline('pipeline', api, assessment, options, options.cbos);
    const after = await runBaseline('baseline 2', client, baselineQueue, options, options.cbos);
    const baselineRate = (before.transitionsPerSecond + after.transitionsPerSecond) / 2;
    const measuredRatio = pipeline.transitionsPerSecond / baselineRate;

    log(`Histories of ${options.sample} workflows of each…`);
    const handles = (ids: string[]): WorkflowHandle[] =>
      sampleOf(ids, options.sample).map((id) => client.workflow.getHandle(id));
    const histories = {
      pipeline: await historyOf(handles(pipeline.workflowIds)),
      baseline: await historyOf(handles(before.workflowIds)),
    };
    const loadEnd = loadavg();

    const first = pipeline.steps.assess;
    log();
    log(
      `### Pipeline bench: ${options.cbos} CBOs at concurrency ${options.concurrency} ` +
        `(${startedAt.toISOString().slice(0, 16)}Z, ${code}, ${os.cpus().length} CPUs, ` +
        `load ${loadStart[0]} → ${loadEnd[0]})`,
    );
    log();
    log(
      markdown(
        ['run', 'items', 'transitions', 'wall s', 'transitions/s'],
        [
          ...[before, pipeline, after].map((r) => [
            r.label,
            String(r.items),
            String(r.items * TRANSITIONS_PER_ITEM),
            (r.wallMs / 1000).toFixed(2),
            r.transitionsPerSecond.toFixed(1),
          ]),
          [
            `**pipeline ÷ baseline** (mean of the two)`,
            '',
            '',
            '',
            `**${measuredRatio.toFixed(2)}×** (goal ≥ ${GOAL_RATIO}×: ${measuredRatio >= GOAL_RATIO ? 'met' : 'not met'})`,
          ],
        ],
      ),
    );
    log();
    log(
      `Assessments refused at the first try: ${first.firstTryRefused} of ${options.cbos} ` +
        `(${first.refused.length} refused calls in all, each sent again after ${options.retryMs} ms).`,
    );
    log();
    log(
      markdown(
        [
          'step',
          'accepted',
          'refused calls',
          'items refused at 1st try',
          'refusals',
          'accepted call ms p50 / p95 / p99',
          'refused call ms p50',
          'step ms (with retries) p50 / p95 / p99',
        ],
        [...stepRows(pipeline), ...stepRows(before), ...stepRows(after)],
      ),
    );
    log();
    log(
      markdown(
        [
          'history per workflow (sample)',
          'events',
          'workflow tasks',
          'failed/timed-out WFTs',
          'activities',
          'local activities',
          'updates',
          'timers',
        ],
        [historyRow('pipeline, per CBO', histories.pipeline), historyRow('baseline', histories.baseline)],
      ),
    );
    log();
    log(
      `Transitions: 3 per item. Pipeline: identified → assessment (confirmed by the accepted assessment), ` +
        `assessment → selection (assessment answered 200 at selection), selection → participant ` +
        `(decision answered 200 at participant). Baseline: started, first update done, second update done. ` +
        `transitions/s = 3 × items ÷ wall time from the first call to the last answer. Histories: mean ` +
        `(min–max); a pipeline is still running at participant (waiting for training).`,
    );

    const file = path.join(
      __dirname,
      '..',
      'results',
      `pipeline-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
    );
    await mkdir(path.dirname(file), { recursive: true });
    const stripIds = <T extends { workflowIds: string[] }>({ workflowIds: _ids, ...rest }: T) => rest;
    await writeFile(
      file,
      `${JSON.stringify(
        {
          startedAt: startedAt.toISOString(),
          cwd: process.cwd(),
          code,
          options,
          machine: {
            cpus: os.cpus().length,
            node: process.version,
            loadavgStart: loadStart,
            loadavgEnd: loadEnd,
          },
          goalRatio: GOAL_RATIO,
          ratio: measuredRatio,
          baselineTransitionsPerSecond: baselineRate,
          runs: [before, pipeline, after].map(stripIds),
          histories,
        },
        null,
        2,
      )}\n`,
    );
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
