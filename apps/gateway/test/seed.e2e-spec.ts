import { spawn } from 'node:child_process';
import { join } from 'node:path';
import postgres from 'postgres';
import { DEMO_APPLICANT } from '../../../infra/scripts/demo-accounts';
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

  beforeAll(async () => {
    stack = await TestStack.start('seed');
  });

  afterAll(async () => {
    await stack?.stop();
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

  // Two seeds of the whole demo, each waiting for the past sessions' workflows: a few minutes.
  it('loads through the API, and a second run creates nothing twice', async () => {
    const sql = postgres(stack.database.url, { max: 1, onnotice: () => {} });
    try {
      const first = await seed(stack);
      expect(first.output).toMatch(/demo network: [1-9]\d* CBOs created, 0 already there/);
      expect(first.output).toMatch(
        /demo training: 6 past sessions added, 0 already there; 4 upcoming sessions scheduled/,
      );
      expect(first.code).toBe(0);
      const before = await trainingCounts(sql);
      // Six past sessions and four to come, each started once; three trainers.
      expect(before).toMatchObject({ sessions: 10, starts: 10, delivered: 10, trainers: 3 });
      // 24 confirmed seats at the past sessions and one ahead; a certificate per member present or
      // late (18); each of the five attending CBOs told once that its training started. Nobody new is
      // invited to a past session: only the 16 CBO invitations the seed wrote.
      expect(before).toMatchObject({ seats: 25, certificates: 18, signals: 5, pastInvitations: 16 });

      const again = await seed(stack);
      expect(again.output).toMatch(/demo network: 0 CBOs created, [1-9]\d* already there/);
      expect(again.output).toMatch(
        /demo training: 0 past sessions added, 6 already there; 0 upcoming sessions scheduled/,
      );
      expect(again.code).toBe(0);
      expect(await trainingCounts(sql)).toEqual(before);

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
      expect((await get(`/api/cbos/${eligible}/pipeline`, coordinator)).body.stage).toBe('grant_eligible');

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
    } finally {
      await sql.end();
    }
  }, 480_000);
});
