import { STAFF_ROLES, type StaffRole } from '@bandanh/contracts';
import { allows } from '../src/http/auth.guard';
import type { Access } from '../src/http/route';
import { ROUTES, type RouteName } from '../src/http/routes';
import { STAFF, TestStack, totp } from './stack';

const STAFF_EXCEPT_PROTECTION = [
  'admin',
  'coordinator',
  'assessor',
  'approver',
  'trainer',
  'finance',
  'applicant',
] as const;

const PROGRAMME = ['admin', 'coordinator', 'assessor', 'approver'] as const;

/** Staff with a task inbox; also those who may declare a relationship with a CBO. */
const TASK_HOLDERS = [
  'admin',
  'coordinator',
  'assessor',
  'approver',
  'trainer',
  'finance',
  'reviewer',
  'programme_manager',
  'grant_committee',
  'director',
] as const;

/** Staff who read every grant round, application and review board. */
const GRANT_STAFF = [
  'admin',
  'coordinator',
  'approver',
  'programme_manager',
  'grant_committee',
  'director',
  'finance',
] as const;

/**
 * Who may call what, written out by hand. A route added to the table without a line here
 * fails the first test; a line that the guard does not enforce fails the matrix.
 */
const EXPECTED: Record<RouteName, Access> = {
  health: 'public',
  listProvinces: 'public',
  signIn: 'public',
  signUp: 'public',
  getInvitation: 'public',
  acceptInvitation: 'public',
  signOut: 'signed-in',
  me: 'signed-in',
  changePassword: 'signed-in',
  beginMfa: 'signed-in',
  confirmMfa: 'signed-in',
  getMfaStatus: 'signed-in',
  regenerateRecoveryCodes: 'signed-in',
  resetMfa: ['admin'],
  requestPasswordReset: 'public',
  checkPasswordReset: 'public',
  completePasswordReset: 'public',
  createInvitation: ['admin'],
  listInvitations: ['admin'],
  revokeInvitation: ['admin'],
  listAccounts: ['admin'],
  setRoles: ['admin'],
  listAudit: ['admin'],
  verifyAudit: ['admin'],
  listCbos: STAFF_EXCEPT_PROTECTION,
  getCbo: STAFF_EXCEPT_PROTECTION,
  getCboPipeline: STAFF_EXCEPT_PROTECTION,
  createCbo: ['coordinator', 'admin'],
  issueCboLinkCode: ['coordinator', 'admin'],
  redeemCboLinkCode: ['applicant'],
  createCboClaim: ['applicant'],
  listCboClaims: ['coordinator', 'admin', 'applicant'],
  decideCboClaim: ['coordinator', 'admin'],
  findDuplicateCbos: ['coordinator', 'admin'],
  assessCbo: ['assessor'],
  listCboAssessments: PROGRAMME,
  decideSelection: ['approver'],
  reopenAssessment: ['coordinator', 'admin'],
  withdrawCbo: ['coordinator', 'admin'],
  decideCboDuplicate: ['coordinator', 'admin'],
  myCbo: ['applicant'],
  listTasks: TASK_HOLDERS,
  searchDirectory: 'public',
  applyAsCbo: 'public',
  getApplicationStatus: 'public',
  listOpenProvinces: 'public',
  getExpansion: PROGRAMME,
  saveExpansionPlan: ['admin'],
  saveTargets: ['admin'],
  getNetworkSettings: PROGRAMME,
  updateNetworkSettings: ['admin'],
  listCboHotline: PROGRAMME,
  logHotlineCall: ['coordinator', 'admin'],
  correctHotlineCall: ['coordinator', 'admin'],
  listReferrals: PROGRAMME,
  recordReferralOutcome: ['coordinator', 'admin'],
  listPartners: PROGRAMME,
  createPartner: ['coordinator', 'admin'],
  updatePartner: ['coordinator', 'admin'],
  listFieldVisits: PROGRAMME,
  createFieldVisit: ['coordinator', 'admin'],
  linkCboToVisit: ['coordinator', 'admin'],
  lookupStaffNames: TASK_HOLDERS,
  listNotifications: ['admin'],
  listCboNotifications: ['admin', 'applicant'],
  listMyNotifications: 'signed-in',
  listTrainingModules: [...PROGRAMME, 'trainer'],
  getTrainingModule: [...PROGRAMME, 'trainer'],
  createTrainingModule: ['admin'],
  updateTrainingModule: ['admin'],
  listTrainers: ['admin', 'coordinator'],
  getTrainer: ['admin', 'coordinator', 'trainer'],
  saveTrainer: ['admin', 'coordinator'],
  updateTrainerAvailability: ['admin', 'coordinator'],
  getOwnTrainer: ['trainer'],
  updateOwnAvailability: ['trainer'],
  listTrainingSessions: [...PROGRAMME, 'trainer'],
  getTrainingSession: [...PROGRAMME, 'trainer'],
  createTrainingSession: ['admin', 'coordinator', 'trainer'],
  findTrainingSlots: ['admin', 'coordinator', 'trainer'],
  confirmTrainingSeat: ['applicant'],
  declineTrainingSeat: ['applicant'],
  getTrainingSessionRun: [...PROGRAMME, 'trainer'],
  moveTrainingSession: ['admin', 'coordinator', 'trainer'],
  cancelTrainingSession: ['admin', 'coordinator', 'trainer'],
  getTrainingAttendance: ['admin', 'coordinator', 'trainer'],
  recordTrainingAttendance: ['trainer'],
  getCboTrainingProgress: [...PROGRAMME, 'trainer', 'applicant'],
  verifyTrainingCertificate: 'public',
  getTrainingCertificate: [...PROGRAMME, 'trainer', 'applicant'],
  getTrainerCalendarToken: ['trainer'],
  rotateTrainerCalendarToken: ['trainer'],
  getTrainerCalendarFeed: 'public',
  listGrantRounds: [...GRANT_STAFF, 'reviewer', 'applicant'],
  getGrantRound: [...GRANT_STAFF, 'reviewer', 'applicant'],
  createGrantRound: ['admin'],
  updateGrantRound: ['admin'],
  listMyGrantApplications: ['applicant'],
  startGrantApplication: ['applicant'],
  getGrantApplication: [...GRANT_STAFF, 'reviewer', 'applicant'],
  saveGrantApplication: ['applicant'],
  submitGrantApplication: ['applicant'],
  detachGrantFile: ['applicant'],
  getGrantAttachmentFile: [...GRANT_STAFF, 'reviewer', 'applicant'],
  listGrantApplications: GRANT_STAFF,
  listMyGrantReviews: ['reviewer'],
  listGrantReviews: [...GRANT_STAFF, 'reviewer'],
  listMyRelationships: TASK_HOLDERS,
  declareRelationship: TASK_HOLDERS,
  removeRelationship: TASK_HOLDERS,
  getGrantApplicationRun: [...GRANT_STAFF, 'reviewer'],
  decideGrantEligibility: ['coordinator', 'admin'],
  declareGrantReviewConflict: ['reviewer'],
  scoreGrantApplication: ['reviewer'],
  decideGrantApproval: ['programme_manager', 'grant_committee', 'director', 'approver'],
};

type Who = StaffRole | 'applicant' | 'anonymous';
const EVERYONE: Who[] = [...STAFF_ROLES, 'applicant', 'anonymous'];

function expectedFor(access: Access, who: Who): 'allowed' | 401 | 403 {
  if (access === 'public') return 'allowed';
  if (who === 'anonymous') return 401;
  if (access === 'signed-in') return 'allowed';
  return access.includes(who) ? 'allowed' : 403;
}

describe('the authorization matrix: every role × every route', () => {
  let stack: TestStack;
  const tokens = new Map<Who, string>();
  let cboId: string;
  let userId: string;

  beforeAll(async () => {
    stack = await TestStack.start('authz');
    for (const role of STAFF_ROLES) tokens.set(role, await stack.tokenFor(STAFF[role]));
    const signUp = await fetch(`${stack.gatewayUrl}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'member@example.org',
        displayName: 'Member',
        password: 'a long member passphrase',
      }),
    });
    tokens.set('applicant', ((await signUp.json()) as { session: { token: string } }).session.token);

    cboId = (
      await stack.recordCbo({
        name: 'Matrix CBO',
        provinceCode: 'KH-2',
        focusIssues: ['land'],
        foundVia: 'referral',
      })
    ).id;
    const me = await fetch(`${stack.gatewayUrl}/api/auth/me`, {
      headers: { authorization: `Bearer ${tokens.get('trainer')}` },
    });
    userId = ((await me.json()) as { account: { id: string } }).account.id;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('has a rule for every route, and the route table agrees with it', () => {
    const rules = Object.fromEntries(Object.entries(ROUTES).map(([name, route]) => [name, route.access]));
    expect(rules).toEqual(EXPECTED);
  });

  it('writes every denied request to the audit log', async () => {
    const admin = await stack.tokenFor(STAFF.admin);
    const trainer = await stack.tokenFor(STAFF.trainer);
    expect(
      (
        await fetch(`${stack.gatewayUrl}/api/admin/accounts`, {
          headers: { authorization: `Bearer ${trainer}` },
        })
      ).status,
    ).toBe(403);
    expect((await fetch(`${stack.gatewayUrl}/api/cbos`)).status).toBe(401);
    const audit = await fetch(`${stack.gatewayUrl}/api/admin/audit?limit=200`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    const { items } = (await audit.json()) as {
      items: Array<{ action: string; outcome: string; targetId: string }>;
    };
    const denied = items.filter((e) => e.action === 'http.denied');
    expect(denied.length).toBeGreaterThanOrEqual(2);
    expect(denied).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ outcome: 'denied', targetId: 'GET /api/admin/accounts' }),
      ]),
    );
    const verification = await fetch(`${stack.gatewayUrl}/api/admin/audit/verification`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(await verification.json()).toMatchObject({ valid: true, firstBrokenSeq: null });
  });

  it('keeps an account that must have two-factor authentication to the enrolment until it has it', async () => {
    const admin = await stack.tokenFor(STAFF.admin);
    const invitation = await fetch(`${stack.gatewayUrl}/api/invitations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ email: 'sophea@test.bandanh', roles: ['finance'] }),
    });
    const { token } = (await invitation.json()) as { token: string };
    const accepted = await fetch(`${stack.gatewayUrl}/api/invitations/acceptance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, displayName: 'Sophea', password: 'count every riel twice' }),
    });
    const session = ((await accepted.json()) as { session: { token: string } }).session.token;
    const as = (path: string, init: RequestInit = {}) =>
      fetch(`${stack.gatewayUrl}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json', ...init.headers },
      });

    const blocked = await as('/api/cbos');
    expect(blocked.status).toBe(403);
    expect(await blocked.json()).toMatchObject({ details: { mfaEnrolmentRequired: true } });
    expect((await as('/api/auth/me')).status).toBe(200);

    const { secret } = (await (
      await as('/api/auth/mfa/enrolment', { method: 'POST', body: '{}' })
    ).json()) as { secret: string };
    const confirmed = await as('/api/auth/mfa/confirmation', {
      method: 'POST',
      body: JSON.stringify({ code: totp(secret) }),
    });
    expect(confirmed.status).toBe(200);
    expect((await as('/api/cbos')).status).toBe(200);
  });

  it('refuses a cookie session that sends no CSRF token on a change, and accepts it with the token', async () => {
    const signIn = await fetch(`${stack.gatewayUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: STAFF.trainer.email, password: STAFF.trainer.password }),
    });
    const setCookie = signIn.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(
      /bandanh_session=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax/,
    );
    const cookie = setCookie.split(';')[0];
    const { csrfToken } = (await (
      await fetch(`${stack.gatewayUrl}/api/auth/me`, { headers: { cookie } })
    ).json()) as { csrfToken: string };

    const change = (headers: Record<string, string>) =>
      fetch(`${stack.gatewayUrl}/api/auth/password`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ current: 'not it', next: 'whatever comes next' }),
      });
    const forged = await change({});
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('CSRF'),
    });
    expect((await change({ 'x-csrf-token': 'guessed' })).status).toBe(403);
    // With the token the request passes the guard (and fails on the wrong current password).
    const genuine = await change({ 'x-csrf-token': csrfToken });
    expect(genuine.status).toBe(400);
  });

  it('answers repeated failed sign-ins with 429 once the account is locked', async () => {
    const attempt = () =>
      fetch(`${stack.gatewayUrl}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: STAFF.assessor.email, password: 'a wrong guess' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
  });

  // Last: it signs every role out at the end, and a TOTP code cannot sign the same account in twice.
  it('lets each role through only where the rule allows, for every route', async () => {
    const outcomes: string[] = [];
    // Signing out ends the session the other requests use, so it goes last.
    const names = (Object.keys(ROUTES) as RouteName[]).sort(
      (a, b) => Number(a === 'signOut') - Number(b === 'signOut'),
    );
    for (const name of names) {
      const route = ROUTES[name];
      const path = route.path.replace(
        ':id',
        // getTrainer: a trainer may read their own profile (the account signed in as the trainer).
        name === 'setRoles' || name === 'decideCboClaim' || name === 'getTrainer' ? userId : cboId,
      );
      for (const who of EVERYONE) {
        const token = tokens.get(who);
        const response = await fetch(`${stack.gatewayUrl}${path}`, {
          method: route.method,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }),
          },
          // An empty body: an allowed caller gets past the guard and is stopped by validation.
          body: route.method === 'GET' ? undefined : '{}',
        });
        const expected = expectedFor(EXPECTED[name], who);
        // Past the guard, a service may still refuse this member, who has no CBO yet (grants:
        // `no_cbo`): a refusal of the record, not of the role.
        const pastGuard =
          response.status === 403 &&
          ((await response.json().catch(() => null)) as { details?: { reason?: string } } | null)?.details
            ?.reason === 'no_cbo';
        const got =
          (response.status === 401 || response.status === 403) && !pastGuard ? response.status : 'allowed';
        if (got !== expected)
          outcomes.push(
            `${route.method} ${route.path} as ${who}: expected ${expected}, got ${response.status}`,
          );
        expect(
          allows(
            route.access,
            who === 'anonymous'
              ? { kind: 'anonymous' }
              : who === 'applicant'
                ? { kind: 'applicant', userId, cboId: null }
                : { kind: 'staff', userId, roles: [who] },
          ),
        ).toBe(expected !== 401 && expected !== 403);
      }
    }
    expect(outcomes).toEqual([]);
    // Every route × every role, one request at a time: some 1,500 requests.
  }, 240_000);
});
