import { randomUUID } from 'node:crypto';
import { RULE_REASONS } from '@bandanh/contracts';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { STAFF, TestStack, type TestAccount, type ApiCallInit } from './stack';

const assessment = (scores: Record<string, number>) => ({
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
  scores,
});

describe('the network programme through the API: pipeline steps, directory, hotline and expansion', () => {
  let stack: TestStack;
  const tokens: Record<string, string> = {};
  let rubricKeys: string[] = [];

  /** An account with both the assessor and approver roles, to try four eyes. */
  const both: TestAccount = {
    email: 'both@test.bandanh',
    password: 'a long test passphrase',
    roles: ['assessor', 'approver'],
    totpSecret: STAFF.approver.totpSecret,
  };

  beforeAll(async () => {
    stack = await TestStack.start('programme');
    for (const role of ['coordinator', 'assessor', 'approver', 'admin', 'trainer'] as const) {
      tokens[role] = await stack.tokenFor(STAFF[role]);
    }
    const { body } = await as('admin', '/api/settings/network');
    rubricKeys = body.settings.rubric.map((criterion: { key: string }) => criterion.key);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const as = (who: string, path: string, init?: ApiCallInit) => stack.call(tokens[who], path, init);

  const record = async (draft: Record<string, unknown>) => {
    const { status, body } = await as('coordinator', '/api/cbos', {
      method: 'POST',
      key: uniqueName('key'),
      json: { provinceCode: 'KH-2', focusIssues: ['land'], foundVia: 'field_visit', ...draft },
    });
    expect(status).toBe(201);
    return body.cbo.id as string;
  };
  const stageOf = async (id: string, stage: string) =>
    waitFor(
      async () =>
        (await as('coordinator', `/api/cbos/${id}/pipeline`)).body.stage === stage ? true : undefined,
      {
        what: `stage ${stage}`,
      },
    );
  const fullMarks = () => Object.fromEntries(rubricKeys.map((key) => [key, 4]));

  it('takes a CBO from identification through assessment and selection into the directory', async () => {
    const id = await record({
      name: 'Prey Lang Forest Community',
      nameKm: 'សហគមន៍ការពារព្រៃឡង់',
      commune: 'Ta Kream',
    });
    await stageOf(id, 'assessment');

    // The assessor's inbox holds the task.
    const inbox = await waitFor(async () => {
      const { body } = await as('assessor', '/api/tasks');
      return body.items.find((task: any) => task.cboId === id);
    });
    expect(inbox).toMatchObject({ kind: 'assess_cbo', assigneeRole: 'assessor', status: 'open' });

    // Wrong stage: nothing to decide yet.
    const early = await as('approver', `/api/cbos/${id}/decision`, {
      method: 'POST',
      json: { outcome: 'selected' },
    });
    expect(early.status).toBe(409);
    expect(early.body.details).toMatchObject({ reason: 'wrong_stage', stage: 'assessment' });

    // A score off the rubric: a clear 400 naming it, and nothing changes.
    const bad = await as('assessor', `/api/cbos/${id}/assessment`, {
      method: 'POST',
      json: assessment({ ...fullMarks(), [rubricKeys[0]]: 9 }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.issues).toEqual([expect.objectContaining({ path: `scores.${rubricKeys[0]}` })]);
    expect((await as('coordinator', `/api/cbos/${id}/pipeline`)).body.stage).toBe('assessment');

    const assessed = await as('assessor', `/api/cbos/${id}/assessment`, {
      method: 'POST',
      json: assessment(fullMarks()),
    });
    expect(assessed.status).toBe(200);
    expect(assessed.body.stage).toBe('selection');
    // Staff see who assessed by name.
    const { body: names } = await as('approver', `/api/staff-names?ids=${assessed.body.assessedBy}`);
    expect(names.items).toEqual([{ id: assessed.body.assessedBy, displayName: 'Test assessor' }]);
    const { body: assessments } = await as('approver', `/api/cbos/${id}/assessments`);
    expect(assessments.items[0]).toMatchObject({ total: 80, membersWomen: 14 });
    expect(assessments.items[0].parts).toHaveLength(rubricKeys.length);
    const closed = await as('assessor', `/api/tasks?status=done&cboId=${id}`);
    expect(closed.body.items).toEqual([expect.objectContaining({ kind: 'assess_cbo', status: 'done' })]);

    const selected = await as('approver', `/api/cbos/${id}/decision`, {
      method: 'POST',
      json: { outcome: 'selected', reason: 'Well organised, clear plans' },
    });
    expect(selected.status).toBe(200);
    expect(selected.body.stage).toBe('participant');

    for (const q of ['ព្រៃឡង់', 'lang fore', 'PREY']) {
      const { body } = await as('anonymous', `/api/directory?q=${encodeURIComponent(q)}`);
      expect(body.items.map((entry: any) => entry.id)).toContain(id);
    }
    const elsewhere = await as('anonymous', '/api/directory?province=KH-17&q=prey');
    expect(elsewhere.body.items.map((entry: any) => entry.id)).not.toContain(id);
    const byIssue = await as('anonymous', '/api/directory?issue=fisheries&q=prey');
    expect(byIssue.body).toMatchObject({ total: 0, totalIsLowerBound: false, items: [] });
    const all = await as('anonymous', '/api/directory?q=lang');
    expect(all.body).toMatchObject({ total: 1, totalIsLowerBound: false });
    // A wildcard typed in the search is a character, not a pattern.
    expect((await as('anonymous', '/api/directory?q=%25')).body.total).toBe(0);
  });

  it('refuses the decision to whoever assessed the CBO (four eyes), and a wrong role', async () => {
    await stack.ensureAccount(both);
    tokens.both = await stack.tokenFor(both);
    const id = await record({
      name: 'Kampong Phluk Fishers',
      focusIssues: ['fisheries'],
      commune: 'Kampong Phluk',
    });
    await stageOf(id, 'assessment');
    const asCoordinator = await as('coordinator', `/api/cbos/${id}/assessment`, {
      method: 'POST',
      json: assessment(fullMarks()),
    });
    expect(asCoordinator.status).toBe(403);
    await as('both', `/api/cbos/${id}/assessment`, { method: 'POST', json: assessment(fullMarks()) });
    const refused = await as('both', `/api/cbos/${id}/decision`, {
      method: 'POST',
      json: { outcome: 'selected' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.details).toMatchObject({ reason: 'four_eyes' });
    expect((await as('coordinator', `/api/cbos/${id}/pipeline`)).body.stage).toBe('selection');

    // Approvals and their refusals are in the audit log.
    const { body: audit } = await as('admin', '/api/admin/audit?limit=100');
    const decisions = audit.items.filter((entry: any) => entry.action === 'cbo.selection.decide');
    expect(decisions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ targetId: id, outcome: 'denied' }),
        expect.objectContaining({ outcome: 'success' }),
      ]),
    );
  });

  it('declines with a reason the CBO can read, and reopens only after the waiting time', async () => {
    const id = await record({
      name: 'Boeng Tonle Workers Group',
      focusIssues: ['labour'],
      commune: 'Svay Por',
    });
    await stageOf(id, 'assessment');
    await as('assessor', `/api/cbos/${id}/assessment`, { method: 'POST', json: assessment(fullMarks()) });
    const declined = await as('approver', `/api/cbos/${id}/decision`, {
      method: 'POST',
      json: { outcome: 'declined', reason: 'Too few meetings so far; apply again next year' },
    });
    expect(declined.body.stage).toBe('declined');
    const { body } = await as('coordinator', `/api/cbos/${id}`);
    expect(body.cbo.decision).toMatchObject({
      outcome: 'declined',
      reason: 'Too few meetings so far; apply again next year',
    });
    const tooEarly = await as('coordinator', `/api/cbos/${id}/reassessment`, { method: 'POST' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.details).toMatchObject({ reason: 'too_early' });
    const empty = await as('coordinator', `/api/cbos/${id}/withdrawal`, {
      method: 'POST',
      json: { reason: ' ' },
    });
    expect(empty.status).toBe(400);
    const withdrawn = await as('coordinator', `/api/cbos/${id}/withdrawal`, {
      method: 'POST',
      json: { reason: 'The group merged with another' },
    });
    expect(withdrawn.body.stage).toBe('withdrawn');
    // The pipeline has ended: any later step is at the wrong stage.
    const after = await as('coordinator', `/api/cbos/${id}/reassessment`, { method: 'POST' });
    expect(after.status).toBe(409);
    expect(after.body.details).toMatchObject({ reason: 'wrong_stage', stage: 'withdrawn' });
  });

  it('declines a development group during the pilot, until an admin turns the rule off', async () => {
    const id = await record({ name: 'Rice Bank Savings Group', purpose: 'development', commune: 'Ek Phnom' });
    await stageOf(id, 'declined');
    expect((await as('coordinator', `/api/cbos/${id}`)).body.cbo.decision).toMatchObject({
      outcome: 'declined',
      reason: RULE_REASONS.pilotDevelopment,
    });

    const { body: current } = await as('admin', '/api/settings/network');
    const refused = await as('coordinator', '/api/settings/network', {
      method: 'PUT',
      json: { ...current.settings, pilotDeclinesDevelopment: false },
    });
    expect(refused.status).toBe(403);
    const badRubric = await as('admin', '/api/settings/network', {
      method: 'PUT',
      json: { ...current.settings, rubric: [{ ...current.settings.rubric[0], weight: 0 }] },
    });
    expect(badRubric.status).toBe(400);
    const off = await as('admin', '/api/settings/network', {
      method: 'PUT',
      json: { ...current.settings, pilotDeclinesDevelopment: false, reassessmentWaitDays: 0 },
    });
    expect(off.status).toBe(200);
    const next = await record({
      name: 'Fish Processing Cooperative',
      purpose: 'development',
      commune: 'Ek Phnom',
    });
    await stageOf(next, 'assessment');
    // A decline under the old waiting time keeps its date; with none, a new decline may be reopened at once.
    expect((await as('coordinator', `/api/cbos/${id}/reassessment`, { method: 'POST' })).status).toBe(409);
    await as('assessor', `/api/cbos/${next}/assessment`, { method: 'POST', json: assessment(fullMarks()) });
    await as('approver', `/api/cbos/${next}/decision`, {
      method: 'POST',
      json: { outcome: 'declined', reason: 'Its work is mostly processing and sales' },
    });
    const reopened = await as('coordinator', `/api/cbos/${next}/reassessment`, { method: 'POST' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.stage).toBe('assessment');
  });

  it('shows a likely duplicate before saving, and saves it once acknowledged', async () => {
    const draft = { name: 'Ou Ta Ki Fishing Community', commune: 'Ou Ta Ki', provinceCode: 'KH-17' };
    const first = await record(draft);
    const again = await as('coordinator', '/api/cbos', {
      method: 'POST',
      key: uniqueName('key'),
      json: { ...draft, name: 'Ou Taki Fishing Community', focusIssues: ['fisheries'], foundVia: 'referral' },
    });
    expect(again.status).toBe(409);
    expect(again.body.details).toMatchObject({
      reason: 'possible_duplicate',
      duplicates: [expect.objectContaining({ id: first })],
    });
    const check = await as(
      'coordinator',
      `/api/cbo-duplicates?name=${encodeURIComponent('ou ta ki fishing')}&provinceCode=KH-17&commune=ou%20ta%20ki`,
    );
    expect(check.body.items.map((c: any) => c.id)).toContain(first);
    const saved = await as('coordinator', '/api/cbos', {
      method: 'POST',
      key: uniqueName('key'),
      json: { ...draft, focusIssues: ['fisheries'], foundVia: 'referral', acknowledgeDuplicates: true },
    });
    expect(saved.status).toBe(201);
  });

  it('logs hotline calls with a referral whose follow-up task closes with its outcome', async () => {
    const id = await record({ name: 'Stung Sangke Land Network', commune: 'Ou Mal' });
    const partner = await as('coordinator', '/api/partners', {
      method: 'POST',
      key: uniqueName('key'),
      json: { name: 'Cambodian Legal Aid', expertise: ['land'], phone: '+855 12 345 678' },
    });
    expect(partner.status).toBe(201);
    const call = {
      channel: 'call',
      callerName: 'Sok Chea',
      issue: 'land',
      summary: 'A company fenced the community’s grazing land',
      guidance: 'Document the fence with dated photos; we refer you to legal aid',
      referral: { partnerId: partner.body.partner.id, reason: 'Needs a lawyer for the land case' },
    };
    const key = uniqueName('key');
    const logged = await as('coordinator', `/api/cbos/${id}/hotline`, { method: 'POST', key, json: call });
    expect(logged.status).toBe(201);
    const retried = await as('coordinator', `/api/cbos/${id}/hotline`, { method: 'POST', key, json: call });
    expect(retried.status).toBe(200);
    const history = await as('assessor', `/api/cbos/${id}/hotline`);
    expect(history.body.items).toHaveLength(1);
    const referral = history.body.items[0].referral;
    expect(referral).toMatchObject({ partnerName: 'Cambodian Legal Aid', status: 'open' });

    const task = await waitFor(async () => {
      const { body } = await as('coordinator', `/api/tasks?cboId=${id}`);
      return body.items.find((t: any) => t.kind === 'follow_up_referral');
    });
    expect(task).toMatchObject({ subjectId: referral.id, assigneeRole: 'coordinator' });

    const outcome = await as('coordinator', `/api/referrals/${referral.id}/outcome`, {
      method: 'POST',
      json: { outcome: 'resolved', note: 'The lawyer filed a complaint' },
    });
    expect(outcome.status).toBe(200);
    expect(outcome.body.referral).toMatchObject({ status: 'closed', outcome: 'resolved' });
    const open = await as('coordinator', `/api/tasks?cboId=${id}`);
    expect(open.body.items.filter((t: any) => t.kind === 'follow_up_referral')).toEqual([]);
    const twice = await as('coordinator', `/api/referrals/${referral.id}/outcome`, {
      method: 'POST',
      json: { outcome: 'resolved' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.details).toMatchObject({ reason: 'already_closed' });
    const nowhere = await as('coordinator', `/api/referrals/${randomUUID()}/outcome`, {
      method: 'POST',
      json: { outcome: 'resolved' },
    });
    expect(nowhere.status).toBe(404);
  });

  it('accepts applications from open provinces only, and counts stages against the targets', async () => {
    const application = {
      name: 'Tonle Sap Women Fishers',
      nameKm: 'ក្រុមស្ត្រីនេសាទទន្លេសាប',
      provinceCode: 'KH-17',
      focusIssues: ['fisheries'],
      contacts: [{ name: 'Chan Dara', phone: '012 345 678' }],
    };
    const applied = await as('anonymous', '/api/applications', {
      method: 'POST',
      key: uniqueName('key'),
      json: application,
    });
    expect(applied.status).toBe(201);
    await stageOf(applied.body.cbo.id, 'assessment');
    expect((await as('coordinator', `/api/cbos/${applied.body.cbo.id}`)).body.cbo.likelyDuplicateOf).toEqual(
      [],
    );
    // The same group applying again is never refused; a coordinator sees the likely duplicate.
    const again = await as('anonymous', '/api/applications', {
      method: 'POST',
      key: uniqueName('key'),
      json: { ...application, name: 'Tonle Sap Women Fisher' },
    });
    expect(again.status).toBe(201);
    const second = await as('coordinator', `/api/cbos/${again.body.cbo.id}`);
    expect(second.body.cbo.likelyDuplicateOf).toEqual([applied.body.cbo.id]);
    const closed = await as('anonymous', '/api/applications', {
      method: 'POST',
      key: uniqueName('key'),
      json: { ...application, provinceCode: 'KH-12' },
    });
    expect(closed.status).toBe(400);
    expect(closed.body.details.issues).toEqual([
      expect.objectContaining({ path: 'provinceCode', code: 'province_not_open' }),
    ]);

    const { body: dashboard } = await as('coordinator', '/api/expansion');
    expect(dashboard.phases[0]).toMatchObject({ seq: 1, provinces: ['KH-2', 'KH-17'] });
    expect(dashboard.phases[0].openedAt).not.toBeNull();
    expect(dashboard.phases[1].openedAt).toBeNull();
    const battambang = dashboard.provinces.find((p: any) => p.provinceCode === 'KH-2');
    expect(battambang.open).toBe(true);
    expect(battambang.counts.participant).toBeGreaterThanOrEqual(1);
    expect(dashboard.targets[0]).toMatchObject({ metric: 'participants', count: 30 });
    expect(dashboard.targets[0].actual).toBe(
      dashboard.overall.counts.participant + dashboard.overall.counts.training,
    );

    const targets = await as('admin', '/api/expansion/targets', {
      method: 'PUT',
      json: {
        targets: [
          {
            labelEn: '5 in Siem Reap',
            labelKm: '៥ នៅសៀមរាប',
            metric: 'identified',
            count: 5,
            provinces: ['KH-17'],
            dueOn: '2027-06-30',
          },
        ],
      },
    });
    expect(targets.status).toBe(200);
    expect(targets.body.targets[0].actual).toBeGreaterThanOrEqual(2);

    // An open phase keeps its provinces.
    const plan = dashboard.phases.map((p: any) => ({ provinces: p.provinces, opensOn: p.opensOn }));
    const changed = await as('admin', '/api/expansion/plan', {
      method: 'PUT',
      json: { phases: [{ ...plan[0], provinces: ['KH-2'] }, ...plan.slice(1)] },
    });
    expect(changed.status).toBe(409);
    const sooner = await as('admin', '/api/expansion/plan', {
      method: 'PUT',
      json: { phases: [plan[0], { ...plan[1], opensOn: '2020-01-01' }, ...plan.slice(2)] },
    });
    expect(sooner.status).toBe(400);
  });

  it('keeps staff-only records from applicants and anonymous callers', async () => {
    expect((await as('anonymous', '/api/expansion')).status).toBe(401);
    expect((await as('trainer', '/api/partners')).status).toBe(403);
    expect((await as('trainer', '/api/tasks')).body.items).toEqual([]);
  });
});
