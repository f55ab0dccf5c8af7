// pnpm db:seed: loads the demo data through the HTTP API, so it takes the real path
// (gateway → NATS → orchestrator → the CBO pipeline workflow → network service).
// Each CBO has a fixed idempotency key: running it again creates nothing twice.
import * as OTPAuth from 'otpauth';
import { ensureAccounts } from '../../apps/identity/src/app';
import { loadIdentityConfig } from '../../apps/identity/src/config/env';
import type { AccountSeed } from '../../apps/identity/src/app';
import { DEMO_APPLICANT, DEMO_STAFF, DEMO_TOTP_SECRET, DEMO_TRAINERS } from './demo-accounts';
import { DEMO_CALLS, DEMO_CBOS, DEMO_PARTNERS, type DemoFate } from './demo-network';
import { seedGrants } from './demo-grants';
import { seedTraining } from './demo-training';

const GATEWAY_URL = (process.env.GATEWAY_URL || 'http://127.0.0.1:3001').replace(/\/+$/, '');

class SeedError extends Error {}

/** Why a fetch failed, in a few words (fetch wraps the network error in `cause`). */
function reason(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
    if (typeof cause?.code === 'string') return cause.code;
    if (typeof cause?.message === 'string' && cause.message) return cause.message;
    return error.message;
  }
  return String(error);
}

async function assertReachable(): Promise<void> {
  try {
    await fetch(`${GATEWAY_URL}/health`, { signal: AbortSignal.timeout(5_000) });
  } catch (error) {
    throw new SeedError(
      `The API at ${GATEWAY_URL} is not reachable (${reason(error)}). Start it with \`npm start\`, or set GATEWAY_URL.`,
    );
  }
}

interface Answer {
  status: number;
  body: any;
}

/** One API call; any answer but `ok` statuses stops the seed with what the API said. */
async function api(
  token: string | undefined,
  method: string,
  path: string,
  { json, key, ok = [200, 201] }: { json?: unknown; key?: string; ok?: number[] } = {},
): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(`${GATEWAY_URL}${path}`, {
      method,
      headers: {
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: json === undefined ? undefined : JSON.stringify(json),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    throw new SeedError(`${method} ${path} did not get an answer: ${reason(error)}`);
  }
  const text = await response.text();
  const body = text ? (JSON.parse(text) as Answer['body']) : null;
  if (!ok.includes(response.status)) {
    throw new SeedError(
      `${method} ${path} answered ${response.status}: ${body?.message ?? text.slice(0, 300)}`,
    );
  }
  return { status: response.status, body };
}

/** Signs a demo account in through the API, with its two-factor code when it has one. */
async function signIn(account: AccountSeed, retry = true): Promise<string> {
  const code = account.totpSecret
    ? new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(account.totpSecret) }).generate()
    : undefined;
  const { body } = await api(undefined, 'POST', '/api/auth/sign-in', {
    json: { email: account.email, password: account.password, ...(code ? { code } : {}) },
    ok: [200, 401, 429],
  });
  if (!body?.session && code && retry) {
    // A code is taken once: a seed run again within its 30 seconds waits for the next one.
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 500));
    return signIn(account, false);
  }
  if (!body?.session)
    throw new SeedError(`${account.email} could not sign in: ${body?.message ?? 'no session'}`);
  return body.session.token as string;
}

const demo = (role: string) => DEMO_STAFF.find((account) => account.roles?.includes(role as never))!;

async function stageOf(token: string, id: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const { body } = await api(token, 'GET', `/api/cbos/${id}/pipeline`, { ok: [200, 404] });
    if (body?.stage && body.stage !== 'identified') return body.stage as string;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new SeedError(`The pipeline of CBO ${id} did not start`);
}

/** Moves one CBO on until it reaches its demo fate; steps already taken are not taken again. */
async function advance(
  tokens: Record<'coordinator' | 'assessor' | 'approver', string>,
  id: string,
  fate: DemoFate,
  scores: Record<string, number>,
  index: number,
): Promise<void> {
  let stage = await stageOf(tokens.coordinator, id);
  if (fate === 'assessment' || fate === 'pilot_rule') return;
  if (fate === 'withdrawn') {
    if (stage !== 'withdrawn') {
      await api(tokens.coordinator, 'POST', `/api/cbos/${id}/withdrawal`, {
        json: { reason: 'The group merged with a neighbouring community network' },
      });
    }
    return;
  }
  if (stage === 'assessment') {
    ({ stage } = (
      await api(tokens.assessor, 'POST', `/api/cbos/${id}/assessment`, {
        json: {
          membersWomen: 6 + (index % 9),
          membersMen: 5 + (index % 7),
          // The demo's recorded counts are rough; the assessment's count is the one kept.
          updateMembersCount: true,
          ongoingActivities: 'Monthly meetings; monitoring and reporting of abuses in the commune',
          plannedActivities: 'A public forum with the commune council on the dispute',
          ambitions: 'To be recognised by the authorities and to defend their members’ rights',
          leadership: 'A committee elected by the members every two years',
          meetingsHeld: 4 + (index % 9),
          recordsKept: index % 4 !== 0,
          registration: (['registered', 'in_progress', 'not_registered', 'unknown'] as const)[index % 4],
          risks: 'Intimidation by local officials when they raise complaints',
          scores: Object.fromEntries(
            Object.entries(scores).map(([key, max]) => [key, Math.max(1, max - (index % 3))]),
          ),
        },
      })
    ).body);
  }
  if (fate === 'selection' || stage !== 'selection') return;
  await api(tokens.approver, 'POST', `/api/cbos/${id}/decision`, {
    json:
      fate === 'participant'
        ? { outcome: 'selected', reason: 'Well organised, with a clear plan and the support of its members' }
        : {
            outcome: 'declined',
            reason:
              'The group has met only a few times; we encourage it to apply again once it meets regularly',
          },
  });
}

/** Runs `work` over `items`, a few at a time. */
async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (item: T, index: number) => Promise<void>,
) {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)));
  }
}

async function main(): Promise<void> {
  await assertReachable();
  const identity = loadIdentityConfig(process.env);
  await ensureAccounts(identity, DEMO_STAFF);
  const tokens = {
    coordinator: await signIn(demo('coordinator')),
    assessor: await signIn(demo('assessor')),
    approver: await signIn(demo('approver')),
  };
  const { body: settings } = await api(tokens.assessor, 'GET', '/api/settings/network');
  const scores: Record<string, number> = Object.fromEntries(
    settings.settings.rubric.map((criterion: { key: string; maxScore: number }) => [
      criterion.key,
      criterion.maxScore,
    ]),
  );

  let created = 0;
  const ids: string[] = new Array(DEMO_CBOS.length);
  await inBatches(DEMO_CBOS, 6, async ({ key, draft, fate }, index) => {
    const { status, body } = await api(tokens.coordinator, 'POST', '/api/cbos', { json: draft, key });
    ids[index] = body.cbo.id;
    if (status === 201) created += 1;
    await advance(tokens, body.cbo.id, fate, scores, index);
  });

  const partners: string[] = [];
  for (const [index, partner] of DEMO_PARTNERS.entries()) {
    const { body } = await api(tokens.coordinator, 'POST', '/api/partners', {
      json: partner,
      key: `demo-partner-${index + 1}`,
    });
    partners.push(body.partner.id);
  }
  for (const [index, { cbo, call, referTo }] of DEMO_CALLS.entries()) {
    const { body } = await api(tokens.coordinator, 'POST', `/api/cbos/${ids[cbo]}/hotline`, {
      key: `demo-call-${index + 1}`,
      json: {
        ...call,
        ...(referTo ? { referral: { partnerId: partners[referTo.partner], reason: referTo.reason } } : {}),
      },
    });
    const referral = body.call.referral;
    if (referral && referTo?.outcome && referral.outcome === null) {
      // The referral's follow-up starts through the network's outbox a moment after the call is
      // logged: until it runs, its outcome answers 404.
      for (let attempt = 0; ; attempt++) {
        const { status } = await api(tokens.coordinator, 'POST', `/api/referrals/${referral.id}/outcome`, {
          json: { outcome: referTo.outcome, note: 'Followed up by phone with the group and the partner' },
          ok: attempt < 100 ? [200, 404, 409] : [200, 409],
        });
        if (status !== 404) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
  for (const [index, [provinceCode, commune]] of (
    [
      ['KH-2', 'Samlout'],
      ['KH-17', 'Chi Kraeng'],
    ] as const
  ).entries()) {
    await api(tokens.coordinator, 'POST', '/api/field-visits', {
      key: `demo-visit-${index + 1}`,
      json: {
        provinceCode,
        district: commune,
        commune,
        visitedOn: '2026-10-0' + (index + 5),
        notes: 'Met community leaders at the pagoda',
      },
    });
  }

  // The demo CBO member belongs to a group that has been selected.
  await ensureAccounts(identity, [{ ...DEMO_APPLICANT, cboId: ids[4] }]);
  console.log(`demo network: ${created} CBOs created, ${DEMO_CBOS.length - created} already there`);

  // The training programme: trainers, past sessions with attendance and certificates, sessions to come.
  await seedTraining(
    { api, signIn, fail: (message) => new SeedError(message) },
    { identity, coordinator: tokens.coordinator, cboIds: ids },
  );
  // The small grants: an open round and a closed one, applications in every stage.
  await seedGrants(
    { api, signIn, fail: (message) => new SeedError(message) },
    { identity, coordinator: tokens.coordinator, cboIds: ids, gatewayUrl: GATEWAY_URL },
  );
  printAccounts();
}

function printAccounts(): void {
  console.log('\n  Demo accounts (local use only):');
  const withTheTrainers = (account: AccountSeed) =>
    account.roles?.includes('trainer') ? [account, ...DEMO_TRAINERS] : [account];
  for (const account of [...DEMO_STAFF.flatMap(withTheTrainers), DEMO_APPLICANT]) {
    const who = account.kind === 'applicant' ? 'CBO member' : account.roles!.join(', ');
    console.log(
      `    ${who.padEnd(20)} ${account.email.padEnd(36)} ${account.password}${account.totpSecret ? '  (+ two-factor code)' : ''}`,
    );
  }
  console.log('    (more CBO members, member-2 to member-11@demo.bandanh.org, share the member’s password;');
  console.log('     member-3@demo.bandanh.org has a grant application to finish, in round 2)');
  console.log(
    `  Two-factor secret of the demo accounts marked so (add it to an authenticator app): ${DEMO_TOTP_SECRET}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof SeedError ? error.message : error);
  process.exit(1);
});
