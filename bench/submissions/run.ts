// pnpm bench:submissions — N grant applications from N distinct applicants submitted at once
// through the API (HTTP → gateway → NATS → grants service → outbox → orchestrator → Temporal).
// Reports the submit call's latency, the time until every application's workflow has started,
// and the counts: lost, duplicated, workflows. See README.md in this folder.
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureAccounts } from '../../apps/identity/src/app';
import { loadIdentityConfig } from '../../apps/identity/src/config/env';
import { STAFF, TestStack } from '../../apps/gateway/test/stack';
import { createDatabase } from '../../libs/platform/src';
import { uniqueName } from '../../libs/platform/src/testing';
import { ms, msSince, summarize, table } from '../directory-search/stats';
import { Client, Connection } from '../pipeline/sdk';

interface Options {
  applications: number;
  /** How many applicants are set up (signed in, draft saved) at once, before the measured wave. */
  setupConcurrency: number;
  /** The share of submissions sent a second time with the same key, as a client retrying would. */
  retryShare: number;
}

const USAGE = 'Options: --applications N (1000) --setup-concurrency N (20) --retry-share F (0.1)';

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { applications: 1000, setupConcurrency: 20, retryShare: 0.1 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = Number(inline ?? argv[++i]);
    if (flag === '--applications' && Number.isInteger(value) && value > 0) options.applications = value;
    else if (flag === '--setup-concurrency' && Number.isInteger(value) && value > 0)
      options.setupConcurrency = value;
    else if (flag === '--retry-share' && value >= 0 && value <= 1) options.retryShare = value;
    else throw new Error(`Bad option ${argv[i]}. ${USAGE}`);
  }
  return options;
}

const log = (line = '') => process.stdout.write(`${line}\n`);

interface Reply {
  status: number;
  body: any;
}

/** Runs `run(0..count-1)`, `concurrency` at a time. */
async function pool<T>(count: number, concurrency: number, run: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await run(i);
      }
    }),
  );
  return results;
}

function apiOf(gatewayUrl: string) {
  return async (
    token: string,
    method: 'GET' | 'POST' | 'PUT',
    route: string,
    json?: unknown,
    key?: string,
  ): Promise<Reply> => {
    const response = await fetch(`${gatewayUrl}${route}`, {
      method,
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      headers: {
        authorization: `Bearer ${token}`,
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
      },
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

const expect = (reply: Reply, status: number | number[], what: string) => {
  const ok = Array.isArray(status) ? status.includes(reply.status) : reply.status === status;
  if (!ok) throw new Error(`${what} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body;
};

/** A day `days` from today, YYYY-MM-DD: activities are planned ahead of the day the test runs. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A complete application: a plan and two budget lines, asking for $740. */
function draftFor(i: number) {
  return {
    plan: {
      title: `Community land mapping ${i}`,
      objectives: 'Map the village land in dispute and file the map with the commune',
      description: 'Two days of mapping with GPS phones, then a meeting with the commune council',
      provinceCode: 'KH-2',
      place: 'Ratanak Mondol district',
      startsOn: inDays(60),
      endsOn: inDays(87),
      beneficiariesWomen: 40,
      beneficiariesMen: 35,
      expectedResults: 'A map signed by the commune chief',
    },
    budget: [
      {
        id: crypto.randomUUID(),
        category: 'transport',
        description: 'Motorbike fuel',
        unitCost: 1500,
        quantity: 40,
        contribution: 0,
      },
      {
        id: crypto.randomUUID(),
        category: 'food',
        description: 'Lunch for the mapping team',
        unitCost: 400,
        quantity: 50,
        contribution: 0,
      },
    ],
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const n = options.applications;
  log(
    `bench/submissions: ${n} applications, load ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}, ${os.cpus().length} cores`,
  );
  const stack = await TestStack.start('bench-submissions', {
    ARGON2_MEMORY_KIB: '1024',
    NATS_TIMEOUT_MS: '30000',
  });
  const database = createDatabase(stack.database.url, {}, { max: 4 });
  const sql = database.sql;
  const connection = await Connection.connect({ address: stack.env.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection });
  try {
    const api = apiOf(stack.gatewayUrl);
    const admin = await stack.tokenFor(STAFF.admin);

    // 1. A round open now, with room for every application.
    const now = Date.now();
    const round = expect(
      await api(
        admin,
        'POST',
        '/api/grants/rounds',
        {
          nameKm: 'ជំនួយតូចៗ សាកល្បង',
          nameEn: 'Bench round',
          currency: 'USD',
          budget: n * 100_000,
          minAmount: 10_000,
          maxAmount: 100_000,
          opensAt: new Date(now - 3_600_000).toISOString(),
          closesAt: new Date(now + 30 * 86_400_000).toISOString(),
          rubric: [{ key: 'relevance', labelKm: 'ភាពពាក់ព័ន្ធ', labelEn: 'Relevance', weight: 1, maxScore: 5 }],
          reviewersPerApplication: 1,
          blindReview: false,
          approvalChain: [{ role: 'programme_manager', aboveAmount: 0 }],
        },
        uniqueName('round'),
      ),
      201,
      'Opening the round',
    ).round as { id: string };

    // 2. N grant-eligible CBOs, written straight into the network's table (the pipeline that would
    // take each there is bench/pipeline's subject), and one linked member each.
    const setupStart = process.hrtime.bigint();
    const cboIds: string[] = [];
    for (let i = 0; i < n; i += 500) {
      const rows = Array.from({ length: Math.min(500, n - i) }, (_, j) => ({
        name: `Bench CBO ${i + j}`,
        province_code: 'KH-2',
        focus_issues: '{land}',
        found_via: 'field_visit',
        stage: 'grant_eligible',
      }));
      const inserted = await sql`insert into network.cbos ${sql(rows)} returning id`;
      cboIds.push(...inserted.map((row) => String(row.id)));
    }
    const password = 'a long bench passphrase';
    const emails = cboIds.map((_, i) => `bench-member-${i}@bench.bandanh`);
    await ensureAccounts(
      loadIdentityConfig(stack.env),
      emails.map((email, i) => ({
        email,
        displayName: `Member ${i}`,
        password,
        kind: 'applicant',
        cboId: cboIds[i],
      })),
    );
    const applicants = await pool(n, options.setupConcurrency, async (i) => {
      const signedIn = expect(
        await (async () => {
          const response = await fetch(`${stack.gatewayUrl}/api/auth/sign-in`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: emails[i], password }),
          });
          return { status: response.status, body: await response.json() };
        })(),
        200,
        `Signing in member ${i}`,
      );
      const token = signedIn.session.token as string;
      const started = expect(
        await api(token, 'POST', `/api/grants/rounds/${round.id}/applications`),
        [200, 201],
        `Starting application ${i}`,
      );
      const saved = expect(
        await api(token, 'PUT', `/api/grants/applications/${started.application.id}`, {
          baseVersion: started.application.version,
          draft: draftFor(i),
        }),
        200,
        `Saving application ${i}`,
      );
      return {
        token,
        id: saved.application.id as string,
        version: saved.application.version as number,
        key: uniqueName('submit'),
      };
    });
    log(`Set up ${n} applicants with a complete draft in ${(msSince(setupStart) / 1000).toFixed(1)} s.`);

    // 3. The measured wave: every submission at once.
    const latencies: number[] = [];
    const statuses: Record<number, number> = {};
    const references = new Map<string, string>();
    const waveStart = process.hrtime.bigint();
    await Promise.all(
      applicants.map(async (applicant) => {
        const start = process.hrtime.bigint();
        const reply = await api(
          applicant.token,
          'POST',
          `/api/grants/applications/${applicant.id}/submit`,
          { baseVersion: applicant.version },
          applicant.key,
        );
        latencies.push(msSince(start));
        statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
        if (reply.status === 200) references.set(applicant.id, reply.body.application.reference);
      }),
    );
    const waveMs = msSince(waveStart);

    // 4. Every workflow started? Temporal's visibility, on the stack's own task queue.
    const query = `TaskQueue = '${stack.env.TEMPORAL_TASK_QUEUE}' AND WorkflowType = 'grantApplication'`;
    let workflows = 0;
    for (const deadline = Date.now() + 300_000; Date.now() < deadline; await sleep(250)) {
      workflows = (await temporal.workflow.count(query)).count;
      if (workflows >= n) break;
    }
    const allStartedMs = msSince(waveStart);

    // 5. Retries: a share of the submissions sent again with the same key answer the same reference.
    const retried = applicants.slice(0, Math.round(n * options.retryShare));
    let retryMismatch = 0;
    await Promise.all(
      retried.map(async (applicant) => {
        const reply = await api(
          applicant.token,
          'POST',
          `/api/grants/applications/${applicant.id}/submit`,
          { baseVersion: applicant.version },
          applicant.key,
        );
        if (reply.status !== 200 || reply.body.application.reference !== references.get(applicant.id))
          retryMismatch++;
      }),
    );
    await sleep(1000);
    const workflowsAfterRetries = (await temporal.workflow.count(query)).count;

    // 6. Counts from the grants service's own table.
    const [{ submitted, distinct }] = await sql`
      select count(*)::int as submitted, count(distinct reference)::int as distinct
      from grants.applications where round_id = ${round.id} and reference is not null`;
    const lost = n - submitted;
    const duplicated = submitted - distinct + Math.max(0, workflowsAfterRetries - n) + retryMismatch;

    const submit = summarize(latencies);
    log();
    log(
      table(
        ['measure', 'value'],
        [
          ['submit p50 ms', ms(submit.p50)],
          ['submit p95 ms', ms(submit.p95)],
          ['submit p99 ms', ms(submit.p99)],
          ['submit max ms', ms(submit.max)],
          ['wave (all answered) s', (waveMs / 1000).toFixed(2)],
          ['until every workflow started s', (allStartedMs / 1000).toFixed(2)],
          [
            'answers',
            Object.entries(statuses)
              .map(([s, c]) => `${c}×${s}`)
              .join(' '),
          ],
          ['submitted', String(submitted)],
          ['lost', String(lost)],
          ['duplicated', String(duplicated)],
          ['workflows', String(workflowsAfterRetries)],
          [`retries (same key)`, `${retried.length}, ${retryMismatch} answered differently`],
        ],
      ),
    );
    const goal = lost === 0 && duplicated === 0 && workflowsAfterRetries === n;
    log();
    log(goal ? `Goal met: 0 lost, 0 duplicated, ${n} workflows.` : 'Goal NOT met.');
    process.exitCode = goal ? 0 : 1;
  } finally {
    await database.close();
    await connection.close();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
