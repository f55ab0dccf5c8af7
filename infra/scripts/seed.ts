// pnpm db:seed: loads the demo data through the HTTP API, so it takes the real path
// (gateway → NATS → orchestrator → the CBO pipeline workflow → network service).
// Each CBO has a fixed idempotency key: running it again creates nothing twice.
import type { CboDraft, DiscoveryChannel, FocusIssue } from '../../libs/contracts/src';

import { ensureAccounts } from '../../apps/identity/src/app';
import { loadIdentityConfig } from '../../apps/identity/src/config/env';
import { DEMO_APPLICANT, DEMO_STAFF, DEMO_TOTP_SECRET } from './demo-accounts';

const GATEWAY_URL = (process.env.GATEWAY_URL || 'http://127.0.0.1:3001').replace(/\/+$/, '');

const BATTAMBANG = 'KH-2';
const SIEM_REAP = 'KH-17';

const cbo = (
  name: string,
  provinceCode: string,
  focusIssue: FocusIssue,
  foundVia: DiscoveryChannel,
): CboDraft => ({ name, provinceCode, focusIssue, foundVia });

/** Candidate CBOs in the two pilot provinces, as coordinators would record them. */
const DEMO_CBOS: readonly CboDraft[] = [
  cbo('Prek Toal Fishing Community', SIEM_REAP, 'fisheries', 'field_visit'),
  cbo('សហគមន៍នេសាទទន្លេសាប', BATTAMBANG, 'fisheries', 'grassroots_contact'),
  cbo('Kampong Phluk Community Fisheries', SIEM_REAP, 'fisheries', 'referral'),
  cbo('សហគមន៍ការពារដីធ្លីភូមិតាគ្រាម', BATTAMBANG, 'land', 'field_visit'),
  cbo('Samlout Indigenous Land Network', BATTAMBANG, 'land', 'referral'),
  cbo('ក្រុមកម្មករសំណង់សៀមរាប', SIEM_REAP, 'labour', 'grassroots_contact'),
  cbo('Battambang Garment Workers Solidarity Group', BATTAMBANG, 'labour', 'self_application'),
  cbo('សមាគមអ្នកលក់ដូរផ្សារលើ', SIEM_REAP, 'labour', 'referral'),
  cbo('Kamping Puoy Farmers Land Committee', BATTAMBANG, 'land', 'grassroots_contact'),
  cbo('សហគមន៍ស្ត្រីដើម្បីសន្តិភាពបវេល', BATTAMBANG, 'other', 'self_application'),
  cbo('Angkor Tuk-Tuk Drivers Association', SIEM_REAP, 'labour', 'self_application'),
  cbo('សហគមន៍ព្រៃឈើភ្នំគូលែន', SIEM_REAP, 'other', 'field_visit'),
];

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

/** Records one CBO; true when it is new, false when the key was already used (a replay). */
async function recordCbo(
  token: string,
  key: string,
  draft: CboDraft,
): Promise<{ created: boolean; id: string }> {
  let response: Response;
  try {
    response = await fetch(`${GATEWAY_URL}/api/cbos`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': key,
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(draft),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new SeedError(`POST /api/cbos (${key}) did not get an answer: ${reason(error)}`);
  }
  if (response.status === 201 || response.status === 200) {
    const body = (await response.json()) as { cbo: { id: string } };
    return { created: response.status === 201, id: body.cbo.id };
  }
  const text = await response.text();
  let message = text.slice(0, 500);
  try {
    const body = JSON.parse(text) as { code?: string; message?: string };
    if (body.message) message = `${body.code ?? 'ERROR'}: ${body.message}`;
  } catch {
    // not JSON: show the text
  }
  throw new SeedError(`POST /api/cbos (${key}, "${draft.name}") answered ${response.status}: ${message}`);
}

/** Signs the demo coordinator in through the API; the CBOs are recorded in their name. */
async function signInCoordinator(): Promise<string> {
  const coordinator = DEMO_STAFF.find((a) => a.roles?.includes('coordinator'))!;
  const response = await fetch(`${GATEWAY_URL}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: coordinator.email, password: coordinator.password }),
  });
  const body = (await response.json()) as { session?: { token: string }; message?: string };
  if (!body.session)
    throw new SeedError(`The demo coordinator could not sign in: ${body.message ?? response.status}`);
  return body.session.token;
}

async function main(): Promise<void> {
  await assertReachable();
  const identity = loadIdentityConfig(process.env);
  await ensureAccounts(identity, DEMO_STAFF);
  const token = await signInCoordinator();
  let created = 0;
  let existing = 0;
  const ids: string[] = [];
  for (const [index, draft] of DEMO_CBOS.entries()) {
    const result = await recordCbo(token, `demo-cbo-${index + 1}`, draft);
    ids.push(result.id);
    if (result.created) created += 1;
    else existing += 1;
  }
  // The demo CBO member belongs to the first demo CBO.
  await ensureAccounts(identity, [{ ...DEMO_APPLICANT, cboId: ids[0] }]);
  console.log(`demo CBOs: ${created} created, ${existing} already existed`);
  printAccounts();
}

function printAccounts(): void {
  console.log('\n  Demo accounts (local use only):');
  for (const account of [...DEMO_STAFF, DEMO_APPLICANT]) {
    const who = account.kind === 'applicant' ? 'CBO member' : account.roles!.join(', ');
    console.log(
      `    ${who.padEnd(20)} ${account.email.padEnd(36)} ${account.password}${account.totpSecret ? '  (+ two-factor code)' : ''}`,
    );
  }
  console.log(
    `  Two-factor secret of the demo accounts marked so (add it to an authenticator app): ${DEMO_TOTP_SECRET}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof SeedError ? error.message : error);
  process.exit(1);
});
