import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { DEMO_APPLICANT, DEMO_MEMBERS } from '../../../infra/scripts/demo-accounts';
import { DEMO_CBOS } from '../../../infra/scripts/demo-network';
import { STAFF, TestStack } from './stack';

const REPO = join(__dirname, '../../..');

/** `pnpm db:seed` against this stack's gateway and database: its exit code and what it printed. */
function seed(stack: TestStack): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'infra/scripts/seed.ts'], {
      cwd: REPO,
      env: { ...process.env, ...stack.env, GATEWAY_URL: stack.gatewayUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

// npm start seeds the demo data through the API: every rule the API gains must keep it loading.
describe('the demo data (pnpm db:seed)', () => {
  let stack: TestStack;
  // Where this stack's gateway keeps the demo's uploaded quote.
  const uploadDir = mkdtempSync(join(tmpdir(), 'bandanh-seed-'));

  beforeAll(async () => {
    stack = await TestStack.start('seed', { UPLOAD_DIR: uploadDir });
  });

  afterAll(async () => {
    await stack?.stop();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  /** What the training schema holds of the demo: a second seed must change none of it. */
  async function trainingCounts(sql: postgres.Sql) {
    const [row] = await sql`
      select
        (select count(*)::int from training.sessions) as sessions,
        (select count(*)::int from training.seats) as seats,
        (select count(*)::int from training.certificates) as certificates,
        (select count(*)::int from training.invitations i join training.sessions s on s.id = i.session_id
          where s.starts_at < now()) as "pastInvitations",
        (select count(*)::int from training.trainers) as trainers,
        (select count(*)::int from training.outbox
          where subject = 'orchestrator.training.session.start') as starts,
        (select count(*)::int from training.outbox
          where subject = 'orchestrator.training.session.start' and delivered_at is not null) as delivered,
        (select count(*)::int from training.outbox
          where subject = 'orchestrator.pipeline.trainingStarted') as signals`;
    return row;
  }

  /** Every row of the grants schema, as a count per table and a digest of its content. */
  async function grantsContent(sql: postgres.Sql) {
    const tables = await sql<{ name: string }[]>`
      select table_name as name from information_schema.tables
      where table_schema = 'grants' and table_type = 'BASE TABLE' order by table_name`;
    const content: Record<string, { rows: number; digest: string | null }> = {};
    for (const { name } of tables) {
      // The outbox's delivery columns are the relay's, which may still be sending what the first
      // seed wrote: what the seed itself wrote is the command, not whether it has gone yet.
      const from =
        name === 'outbox'
          ? `(select id, subject, payload, created_at from grants.outbox) t`
          : `grants."${name}" t`;
      const [row] = await sql.unsafe(
        `select count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as digest
         from ${from}`,
      );
      content[name] = { rows: row.rows, digest: row.digest };
    }
    return content;
  }

  // Two seeds of the whole demo, each waiting for the past sessions' workflows: a few minutes.
  it('loads through the API, and a second run creates nothing twice', async () => {
    const sql = postgres(stack.database.url, { max: 1, onnotice: () => {} });
    try {
      // Reviews are assigned by load among every active reviewer, and the seed takes the steps of
      // the demo's two: as in npm start, they are the only ones (the stack's own gives up the role).
      const admin = await stack.tokenFor(STAFF.admin);
      const { items: accounts } = (await (
        await fetch(`${stack.gatewayUrl}/api/admin/accounts`, {
          headers: { authorization: `Bearer ${admin}` },
        })
      ).json()) as { items: Array<{ id: string; email: string }> };
      const stackReviewer = accounts.find((account) => account.email === STAFF.reviewer.email)!;
      const unrole = await fetch(`${stack.gatewayUrl}/api/admin/accounts/${stackReviewer.id}/roles`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ roles: [] }),
      });
      expect(unrole.status).toBe(200);

      const first = await seed(stack);
      expect(first.output).toMatch(/demo network: [1-9]\d* CBOs created, 0 already there/);
      expect(first.output).toMatch(
        /demo training: 8 past sessions added, 0 already there; 4 upcoming sessions scheduled/,
      );
      expect(first.output).toMatch(
        /demo grants: 2 rounds opened, 0 already there; 9 applications added, 0 already there/,
      );
      expect(first.code).toBe(0);
      const before = await trainingCounts(sql);
      // Eight past sessions and four to come, each started once; three trainers.
      expect(before).toMatchObject({ sessions: 12, starts: 12, delivered: 12, trainers: 3 });
      // 40 confirmed seats at the past sessions and one ahead; a certificate per member present or
      // late (34); each of the eight attending CBOs told once that its training started, and the
      // CBO with the seat ahead. Nobody new is invited to a past session: only the 32 CBO
      // invitations the seed wrote.
      expect(before).toMatchObject({ seats: 41, certificates: 34, signals: 9, pastInvitations: 32 });
      const grantsBefore = await grantsContent(sql);
      expect(grantsBefore).toMatchObject({ rounds: { rows: 2 }, applications: { rows: 9 } });

      const again = await seed(stack);
      expect(again.output).toMatch(/demo network: 0 CBOs created, [1-9]\d* already there/);
      expect(again.output).toMatch(
        /demo training: 0 past sessions added, 8 already there; 0 upcoming sessions scheduled/,
      );
      expect(again.output).toMatch(
        /demo grants: 0 rounds opened, 2 already there; 0 applications added, 9 already there/,
      );
      expect(again.code).toBe(0);
      expect(await trainingCounts(sql)).toEqual(before);
      // Not a row of the grants schema added or changed by the second seed.
      expect(await grantsContent(sql)).toEqual(grantsBefore);

      // The demo's promises: a CBO grant-eligible, the demo member's group with one module left
      // and one session to confirm, and a certificate that verifies on the public route.
      const idOf = async (index: number) =>
        (await sql`select id from network.cbos where name = ${DEMO_CBOS[index].draft.name}`)[0].id as string;
      const coordinator = await stack.tokenFor(STAFF.coordinator);
      const get = async (path: string, token?: string) => {
        const response = await fetch(`${stack.gatewayUrl}${path}`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        return { status: response.status, body: (await response.json()) as any };
      };
      const eligible = await idOf(5);
      // Seven groups grant-eligible, who apply for the demo's grants.
      for (const index of [5, 6, 14, 15, 16, 34, 35]) {
        expect((await get(`/api/cbos/${await idOf(index)}/pipeline`, coordinator)).body.stage).toBe(
          'grant_eligible',
        );
      }

      const member = await stack.tokenFor({
        email: DEMO_APPLICANT.email,
        password: DEMO_APPLICANT.password,
        roles: [],
      });
      const progress = (await get(`/api/training/progress/${await idOf(4)}`, member)).body;
      expect(progress).toMatchObject({ requiredDone: 3, requiredTotal: 4 });
      const toConfirm = progress.sessions.filter((entry: any) => entry.invited);
      expect(toConfirm).toHaveLength(1);
      expect(toConfirm[0]).toMatchObject({ module: { id: 'organisational_development' }, seat: null });

      const [certificate] = await sql`
        select code, member_name from training.certificates where cbo_id = ${eligible} limit 1`;
      const verified = await get(`/api/training/certificates/${certificate.code}`);
      expect(verified.status).toBe(200);
      expect(verified.body.certificate).toMatchObject({
        code: certificate.code,
        memberName: certificate.member_name,
      });

      // The grants: one round open and one closed (blind, its applications submitted while it
      // was open), and applications in every stage.
      const rounds = (await get('/api/grants/rounds', coordinator)).body.items as any[];
      expect(rounds.map((round) => [round.nameEn, round.state]).sort()).toEqual([
        ['Small grants 2026 — round 1', 'closed'],
        ['Small grants 2026 — round 2', 'open'],
      ]);
      const [closed, open] = [...rounds].sort((a, b) => (a.nameEn < b.nameEn ? -1 : 1));
      expect(closed).toMatchObject({ blindReview: true, committed: 150_000 });
      expect(open).toMatchObject({
        currency: 'USD',
        budget: 2_000_000,
        minAmount: 20_000,
        maxAmount: 300_000,
        reviewersPerApplication: 2,
        committed: 80_000,
        approvalChain: [
          { role: 'programme_manager', aboveAmount: 0 },
          { role: 'grant_committee', aboveAmount: 100_000 },
          { role: 'director', aboveAmount: 250_000 },
        ],
      });
      expect(open.rubric.length).toBeGreaterThanOrEqual(3);
      const listOf = async (round: any) =>
        (await get(`/api/grants/rounds/${round.id}/applications`, coordinator)).body;
      const closedList = await listOf(closed);
      expect(closedList.counts).toMatchObject({ agreement: 1, declined: 1 });
      for (const item of closedList.items) {
        expect(Date.parse(item.submittedAt)).toBeLessThan(Date.parse(closed.closesAt));
      }
      const openList = await listOf(open);
      expect(openList.counts).toMatchObject({
        draft: 1,
        eligibility: 1,
        review: 1,
        approval: 1,
        agreement: 1,
        declined: 1,
        returned: 1,
      });
      const byStage = (stage: string) => openList.items.find((item: any) => item.stage === stage);
      const runOf = async (stage: string) =>
        (await get(`/api/grants/applications/${byStage(stage).id}/run`, coordinator)).body;
      // Submitted, the coordinator's check waiting.
      expect((await runOf('eligibility')).eligibility).toMatchObject({
        decision: null,
        taskId: expect.any(String),
      });
      // In review: one reviewer has scored, the other not yet.
      expect((await runOf('review')).reviews.map((review: any) => review.status).sort()).toEqual([
        'assigned',
        'scored',
      ]);
      // In the chain: the programme manager approved, the committee decides.
      expect(await runOf('approval')).toMatchObject({
        currentStep: 1,
        steps: [
          { role: 'programme_manager', outcome: 'approve' },
          { role: 'grant_committee', outcome: null },
        ],
      });
      // Approved for less than asked; declined and returned with the reason the CBO reads.
      expect(byStage('agreement').decision).toMatchObject({ outcome: 'approved', amount: 80_000 });
      expect(byStage('declined').decision).toMatchObject({
        outcome: 'declined',
        reason: expect.stringMatching(/\w/),
      });
      expect(byStage('returned').decision).toMatchObject({
        outcome: 'returned',
        reason: expect.stringMatching(/\w/),
      });
      // The application in the chain has its quote, a PDF uploaded by resumable upload.
      const inChain = (await get(`/api/grants/applications/${byStage('approval').id}`, coordinator)).body;
      expect(inChain.application.attachments).toEqual([
        expect.objectContaining({ kind: 'quote', contentType: 'application/pdf' }),
      ]);

      // The member of CBO 5 has a draft to finish in the open round.
      const drafting = DEMO_MEMBERS.find(({ cbo }) => cbo === 5)!.account;
      const theirs = await stack.tokenFor({ email: drafting.email, password: drafting.password, roles: [] });
      const mine = (await get('/api/grants/applications/mine', theirs)).body.items as any[];
      expect(mine).toEqual([expect.objectContaining({ roundId: open.id, stage: 'draft' })]);
    } finally {
      await sql.end();
    }
  }, 480_000);
});
