// pnpm db:seed: loads the demo data through the HTTP API, so it takes the real path
// (gateway → NATS → orchestrator → the CBO pipeline workflow → network service).
// Each CBO has a fixed idempotency key: running it again creates nothing twice.
import type { CboDraft, DiscoveryChannel, FocusIssue } from '../../libs/contracts/src';

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
async function recordCbo(key: string, draft: CboDraft): Promise<boolean> {
  let response: Response;
  try {
    response = await fetch(`${GATEWAY_URL}/api/cbos`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(draft),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new SeedError(`POST /api/cbos (${key}) did not get an answer: ${reason(error)}`);
  }
  if (response.status === 201) return true;
  if (response.status === 200) return false;
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

async function main(): Promise<void> {
  await assertReachable();
  let created = 0;
  let existing = 0;
  for (const [index, draft] of DEMO_CBOS.entries()) {
    if (await recordCbo(`demo-cbo-${index + 1}`, draft)) created += 1;
    else existing += 1;
  }
  console.log(`demo CBOs: ${created} created, ${existing} already existed`);
}

main().catch((error: unknown) => {
  console.error(error instanceof SeedError ? error.message : error);
  process.exit(1);
});
