// How much JavaScript an applicant's phone downloads for each applicant page: the `<script src>`
// each page's HTML loads, gzipped (level 9), per page and per script. See README.md here.
//
//   node -r @swc-node/register bench/web-bundles/measure.ts --start              # this checkout's build
//   node -r @swc-node/register bench/web-bundles/measure.ts --start=/work/before/apps/web
//   node -r @swc-node/register bench/web-bundles/measure.ts --web=http://127.0.0.1:3000 [--session=TOKEN]
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type * as Stack from '../../apps/gateway/test/stack';
import { freePort } from '../../apps/gateway/test/tool-server';

/** The goal: gzipped JavaScript per applicant page. */
const GOAL_KIB = 130;
const PAGES = ['/apply', '/directory', '/my-cbo'];
const SESSION_COOKIE = 'bandanh_session';

interface Options {
  web?: string;
  start?: string;
  /** The checkout whose back end (`apps/gateway/test/stack.ts`) `--start` runs. */
  stackFrom: string;
  session?: string;
  locale: string;
  json?: string;
}

const USAGE =
  'Usage: measure.ts (--web=URL [--session=TOKEN] | --start[=WEB_DIR] [--stack-from=REPO]) [--locale=km] [--json=FILE]';

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { locale: 'km', stackFrom: path.join(__dirname, '../..') };
  for (const arg of argv) {
    const [flag, ...rest] = arg.split('=');
    const value = rest.join('=');
    if (flag === '--web' && value) options.web = value.replace(/\/+$/, '');
    else if (flag === '--start')
      options.start = path.resolve(value || path.join(__dirname, '../../apps/web'));
    else if (flag === '--stack-from' && value) options.stackFrom = path.resolve(value);
    else if (flag === '--session' && value) options.session = value;
    else if (flag === '--locale' && value) options.locale = value;
    else if (flag === '--json' && value) options.json = value;
    else throw new Error(`Unknown option ${arg}. ${USAGE}`);
  }
  if (!options.web === !options.start) throw new Error(USAGE);
  return options;
}

interface Script {
  src: string;
  /** Loaded with `nomodule`: only browsers without ES modules (before 2018) fetch it. */
  noModule: boolean;
  bytes: number;
  gzip: number;
  /** What the script seems to hold, from a few markers in its text. */
  holds: string[];
}

interface PageResult {
  path: string;
  /** Where the page ended after redirects, when that is not where it started. */
  landedOn?: string;
  status: number;
  htmlGzip: number;
  /** The inline `<script>` (Next's flight data: props, messages), gzipped together. */
  inlineGzip: number;
  scripts: Script[];
  /** Every `<script src>`, as the issue counts them. */
  totalGzip: number;
  /** What a browser with ES modules (any phone's browser since 2018) downloads: no `nomodule`. */
  moduleGzip: number;
}

/** Markers of what a chunk bundles; a guide for reading the table, not a proof. */
const MARKERS: Array<[string, RegExp]> = [
  ['react-dom', /react-dom|__reactFiber|__reactProps/],
  ['next router', /next-router-state-tree|__next_f|NEXT_REDIRECT/],
  ['zod', /ZodError|\$ZodType|_zod\b/],
  ['contracts', /network\.cbo\.|identity\.account\.|Idempotency key must be/],
  ['next-intl', /IntlProvider|FORMATTING_ERROR|NextIntlClientProvider|INSUFFICIENT_PATH/],
  ['intl-messageformat', /MALFORMED_ARGUMENT|INVALID_ARGUMENT|pluralRuleFunctions/],
  ['Khmer text', /[\u1780-\u17FF]{20}/],
];

const gzip = (body: Buffer | string) => gzipSync(body, { level: 9 }).length;
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

async function fetchText(
  url: string,
  cookie?: string,
): Promise<{ text: string; status: number; url: string }> {
  const response = await fetch(url, {
    headers: cookie ? { cookie } : {},
    redirect: 'follow',
    signal: AbortSignal.timeout(60_000),
  });
  return { text: await response.text(), status: response.status, url: response.url };
}

const scriptCache = new Map<string, Script>();

async function measureScript(base: string, src: string, noModule: boolean): Promise<Script> {
  const known = scriptCache.get(src);
  if (known) return known;
  const response = await fetch(new URL(src, base), { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`${src} answered ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  const text = body.toString('utf8');
  const script: Script = {
    src,
    noModule,
    bytes: body.length,
    gzip: gzip(body),
    holds: MARKERS.filter(([, marker]) => marker.test(text)).map(([name]) => name),
  };
  scriptCache.set(src, script);
  return script;
}

async function measurePage(base: string, pagePath: string, cookie?: string): Promise<PageResult> {
  const page = await fetchText(`${base}${pagePath}`, cookie);
  const tags = new Map<string, boolean>();
  for (const [tag, src] of page.text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) {
    tags.set(src.replace(/&amp;/g, '&'), /\bnomodule\b/i.test(tag));
  }
  const inline = [...page.text.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1])
    .join('\n');
  const scripts = await Promise.all([...tags].map(([src, noModule]) => measureScript(base, src, noModule)));
  scripts.sort((a, b) => b.gzip - a.gzip);
  const landed = new URL(page.url).pathname;
  return {
    path: pagePath,
    landedOn: landed === pagePath ? undefined : landed,
    status: page.status,
    htmlGzip: gzip(page.text),
    inlineGzip: inline ? gzip(inline) : 0,
    scripts,
    totalGzip: scripts.reduce((sum, script) => sum + script.gzip, 0),
    moduleGzip: scripts.filter((script) => !script.noModule).reduce((sum, script) => sum + script.gzip, 0),
  };
}

function report(results: PageResult[]): string {
  const lines = [
    `| page | status | scripts | JS gz, all (KiB) | JS gz, no nomodule (KiB) | all ≤ ${GOAL_KIB} | inline scripts gz (KiB) | HTML gz (KiB) |`,
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const page of results) {
    const name = page.landedOn ? `${page.path} → ${page.landedOn}` : page.path;
    const ok = page.totalGzip <= GOAL_KIB * 1024 ? 'yes' : 'NO';
    lines.push(
      `| ${name} | ${page.status} | ${page.scripts.length} | ${kib(page.totalGzip)} | ${kib(page.moduleGzip)} | ${ok} | ${kib(page.inlineGzip)} | ${kib(page.htmlGzip)} |`,
    );
  }
  const all = [...new Map(results.flatMap((page) => page.scripts.map((s) => [s.src, s]))).values()];
  all.sort((a, b) => b.gzip - a.gzip);
  lines.push(
    '',
    '| script | raw (KiB) | gzipped (KiB) | on pages | seems to hold |',
    '|---|---|---|---|---|',
  );
  for (const script of all) {
    const on = results.filter((page) => page.scripts.includes(script)).map((page) => page.path);
    lines.push(
      `| ${path.basename(script.src)} | ${kib(script.bytes)} | ${kib(script.gzip)} | ${on.join(' ')} | ${[...(script.noModule ? ['nomodule: polyfills'] : []), ...script.holds].join(', ')} |`,
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// --start: a back end of its own, a CBO member linked to a CBO, and `next start` of a built web.

interface Running {
  url: string;
  session: string;
  stop(): Promise<void>;
}

async function call<T>(gatewayUrl: string, route: string, init: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${gatewayUrl}${route}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = (await response.json().catch(() => undefined)) as T;
  if (!response.ok) throw new Error(`${route} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/** Starts `next start` in `webDir` (its build in NEXT_DIST_DIR, else `.next`) against `gatewayUrl`. */
async function startWeb(webDir: string, gatewayUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  if (!existsSync(path.join(webDir, distDir, 'BUILD_ID'))) {
    throw new Error(`No build in ${path.join(webDir, distDir)}: run next build there first`);
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    path.join(webDir, 'node_modules/.bin/next'),
    ['start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: webDir,
      env: { ...process.env, GATEWAY_URL: gatewayUrl, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited: ${output}`);
    const response = await fetch(`${url}/en`).catch(() => undefined);
    if (response?.ok) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The web did not answer in 60 s: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function startAll(webDir: string, stackFrom: string): Promise<Running> {
  // Loaded here, so measuring a running web needs none of the back end's code; from another
  // checkout when asked (the API is the same before and after, and that one may be steadier).
  const { STAFF, TestStack } = (await import(
    path.join(stackFrom, 'apps/gateway/test/stack')
  )) as typeof Stack;
  const stack = await TestStack.start('web-bundles');
  try {
    const coordinator = await stack.tokenFor(STAFF.coordinator);
    const { cbo } = await call<{ cbo: { id: string } }>(stack.gatewayUrl, '/api/cbos', {
      token: coordinator,
      body: {
        name: 'Kampong Phluk Fishing Community',
        provinceCode: 'KH-17',
        focusIssues: ['fisheries'],
        foundVia: 'field_visit',
      },
    });
    const { code } = await call<{ code: string }>(stack.gatewayUrl, `/api/cbos/${cbo.id}/link-codes`, {
      token: coordinator,
      body: {},
    });
    const member = await call<{ session: { token: string } }>(stack.gatewayUrl, '/api/auth/sign-up', {
      body: {
        email: 'member@bundles.test',
        displayName: 'Srey Neang',
        password: 'our nets by the flooded forest',
      },
    });
    await call(stack.gatewayUrl, '/api/me/cbo-link', { token: member.session.token, body: { code } });
    const web = await startWeb(webDir, stack.gatewayUrl);
    return {
      url: web.url,
      session: member.session.token,
      async stop() {
        await web.stop();
        await stack.stop();
      },
    };
  } catch (error) {
    await stack.stop().catch(() => undefined);
    throw error;
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const running = options.start ? await startAll(options.start, options.stackFrom) : undefined;
  try {
    const base = running?.url ?? options.web!;
    const session = running?.session ?? options.session;
    const cookie = session ? `${SESSION_COOKIE}=${session}` : undefined;
    const results: PageResult[] = [];
    // One at a time, so the server's own timing does not blur the figures (and the cache is shared).
    for (const page of PAGES) {
      results.push(
        await measurePage(base, `/${options.locale}${page}`, page === '/my-cbo' ? cookie : undefined),
      );
    }
    console.log(
      `Web: ${options.start ?? base}${session ? ' (my-cbo signed in as a linked CBO member)' : ''}\n`,
    );
    console.log(report(results));
    if (results.some((page) => page.landedOn)) {
      console.log(
        '\nA page marked with → was redirected (my-cbo without --session shows its sign-in redirect).',
      );
    }
    if (options.json) await writeFile(options.json, JSON.stringify(results, null, 2));
  } finally {
    await running?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
