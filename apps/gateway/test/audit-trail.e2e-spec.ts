import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { STAFF, TestStack, type ApiCallInit } from './stack';

/**
 * Every change of data and every decision is written to the audit log: who, what, which record,
 * and for a setting what it was and what it is now. Each action here goes over HTTP as a user
 * would; its entry is then looked for through the admin's audit API, by its filters.
 */
describe('the audit trail of every change', () => {
  let stack: TestStack;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let rubricKeys: string[] = [];

  beforeAll(async () => {
    stack = await TestStack.start('audit-trail');
    for (const role of ['coordinator', 'assessor', 'approver', 'admin'] as const) {
      tokens[role] = await stack.tokenFor(STAFF[role]);
      ids[role] = (await as(role, '/api/auth/me')).body.account.id;
    }
    const { body } = await as('admin', '/api/settings/network');
    rubricKeys = body.settings.rubric.map((criterion: { key: string }) => criterion.key);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const as = (who: string, path: string, init?: ApiCallInit) => stack.call(tokens[who], path, init);

  const audit = async (query: Record<string, string | number>) => {
    const search = new URLSearchParams(
      Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
    );
    const { status, body } = await as('admin', `/api/admin/audit?${search}`);
    expect(status).toBe(200);
    return body;
  };

  /** The entries of `action` on the record, once the outbox has delivered them (newest first). */
  const entriesOf = (action: string, targetType: string, targetId: string, count = 1) =>
    waitFor(
      async () => {
        const { items } = await audit({ action, targetType, targetId });
        const exact = items.filter((entry: any) => entry.targetId === targetId);
        return exact.length >= count ? exact : undefined;
      },
      { what: `${count} ${action} entries on ${targetType} ${targetId}` },
    );

  const record = async (draft: Record<string, unknown>) => {
    const { status, body } = await as('coordinator', '/api/cbos', {
      method: 'POST',
      key: uniqueName('key'),
      json: { provinceCode: 'KH-2', focusIssues: ['land'], foundVia: 'field_visit', ...draft },
    });
    expect(status).toBe(201);
    return body.cbo.id as string;
  };
  const stageOf = (id: string, stage: string) =>
    waitFor(
      async () =>
        (await as('coordinator', `/api/cbos/${id}/pipeline`)).body.stage === stage ? true : undefined,
      { what: `stage ${stage}` },
    );

  it('writes down a CBO recorded, once however often the request is retried, with its name', async () => {
    const key = uniqueName('key');
    const draft = {
      name: 'Audit Forest Network',
      provinceCode: 'KH-2',
      focusIssues: ['land'],
      foundVia: 'field_visit',
    };
    const first = await as('coordinator', '/api/cbos', { method: 'POST', key, json: draft });
    expect(first.status).toBe(201);
    const again = await as('coordinator', '/api/cbos', { method: 'POST', key, json: draft });
    expect(again.status).toBe(200);
    const id = first.body.cbo.id;
    const [entry] = await entriesOf('network.cbo.create', 'cbo', id);
    expect(entry).toMatchObject({
      actorId: ids.coordinator,
      outcome: 'success',
      details: expect.objectContaining({ name: 'Audit Forest Network', recordedBy: 'system:network' }),
    });
    await stageOf(id, 'assessment');
    const page = await audit({ action: 'network.cbo.create', targetType: 'cbo', targetId: id });
    expect(page.items).toHaveLength(1);
    // The page names the people and the records instead of their ids.
    expect(page.people[ids.coordinator]).toBe('Test coordinator');
    expect(page.records[id]).toEqual({ name: 'Audit Forest Network', nameKm: null });
  });

  it('writes down a public application with nobody as its actor', async () => {
    const applied = await as('anonymous', '/api/applications', {
      method: 'POST',
      key: uniqueName('key'),
      json: {
        name: 'Audit Women Fishers',
        provinceCode: 'KH-17',
        focusIssues: ['fisheries'],
        contacts: [{ name: 'Chan Dara', phone: '012 345 678' }],
      },
    });
    expect(applied.status).toBe(201);
    const [entry] = await entriesOf('network.cbo.apply', 'cbo', applied.body.cbo.id);
    expect(entry).toMatchObject({
      actorId: null,
      details: expect.objectContaining({ name: 'Audit Women Fishers' }),
    });
  });

  it('writes down an assessment by its assessor, a stage reached, and a withdrawal with its reason', async () => {
    const id = await record({ name: 'Audit Assessment Group', commune: 'Ou Mal' });
    await stageOf(id, 'assessment');
    const assessed = await as('assessor', `/api/cbos/${id}/assessment`, {
      method: 'POST',
      json: {
        membersWomen: 14,
        membersMen: 11,
        ongoingActivities: 'Monthly forest patrols',
        plannedActivities: 'Map the land in dispute',
        ambitions: 'A communal land title',
        leadership: 'An elected committee',
        meetingsHeld: 12,
        recordsKept: true,
        registration: 'in_progress',
        risks: 'Threats from a concession company',
        scores: Object.fromEntries(rubricKeys.map((key) => [key, 4])),
      },
    });
    expect(assessed.status).toBe(200);
    const assessments = await waitFor(async () => {
      const { items } = await audit({ action: 'network.assessment.record', targetType: 'cbo', targetId: id });
      return items.length > 0 ? items : undefined;
    });
    expect(assessments).toEqual([
      expect.objectContaining({
        actorId: ids.assessor,
        targetType: 'assessment',
        details: expect.objectContaining({ cboId: id, total: 80, after: { membersCount: 25 } }),
      }),
    ]);
    const [stage] = await waitFor(async () => {
      const { items } = await audit({ action: 'network.cbo.recordStage', targetType: 'cbo', targetId: id });
      const reached = items.filter((entry: any) => entry.details.after.stage === 'selection');
      return reached.length > 0 ? reached : undefined;
    });
    expect(stage).toMatchObject({
      actorId: 'system:orchestrator',
      details: expect.objectContaining({ before: { stage: 'assessment' }, after: { stage: 'selection' } }),
    });

    const withdrawn = await as('coordinator', `/api/cbos/${id}/withdrawal`, {
      method: 'POST',
      json: { reason: 'The group dissolved' },
    });
    expect(withdrawn.status).toBe(200);
    const [withdrawal] = await entriesOf('cbo.withdraw', 'cbo', id);
    expect(withdrawal).toMatchObject({
      actorId: ids.coordinator,
      details: expect.objectContaining({ reason: 'The group dissolved' }),
    });
  });

  it('writes down a partner created and changed, a hotline call, its referral and the referral’s outcome', async () => {
    const id = await record({ name: 'Audit Hotline Group', commune: 'Ta Kream' });
    const partner = await as('coordinator', '/api/partners', {
      method: 'POST',
      key: uniqueName('key'),
      json: { name: 'Audit Legal Aid', expertise: ['land'] },
    });
    expect(partner.status).toBe(201);
    const partnerId = partner.body.partner.id;
    expect((await entriesOf('network.partner.create', 'partner', partnerId))[0]).toMatchObject({
      actorId: ids.coordinator,
    });
    const renamed = await as('coordinator', `/api/partners/${partnerId}`, {
      method: 'PUT',
      json: { name: 'Audit Legal Aid Cambodia', expertise: ['land'] },
    });
    expect(renamed.status).toBe(200);
    const [change] = await entriesOf('network.partner.update', 'partner', partnerId);
    expect(change.details).toMatchObject({
      before: { name: 'Audit Legal Aid' },
      after: { name: 'Audit Legal Aid Cambodia' },
    });

    const logged = await as('coordinator', `/api/cbos/${id}/hotline`, {
      method: 'POST',
      key: uniqueName('key'),
      json: {
        channel: 'call',
        callerName: 'Sok Chea',
        issue: 'land',
        summary: 'A company fenced the grazing land',
        guidance: 'Document the fence',
        referral: { partnerId, reason: 'Needs a lawyer' },
      },
    });
    expect(logged.status).toBe(201);
    const callId = logged.body.call.id;
    const referralId = logged.body.call.referral.id;
    const [call] = await entriesOf('network.hotline.log', 'hotline_call', callId);
    expect(call).toMatchObject({ actorId: ids.coordinator, details: expect.objectContaining({ cboId: id }) });
    // What was said on the call stays with the call.
    expect(JSON.stringify(call.details)).not.toContain('fenced');
    const [referral] = await entriesOf('network.referral.create', 'referral', referralId);
    expect(referral).toMatchObject({
      actorId: ids.coordinator,
      details: expect.objectContaining({ partnerId }),
    });

    await waitFor(async () => {
      const { body } = await as('coordinator', `/api/tasks?cboId=${id}`);
      return body.items.find((t: any) => t.kind === 'follow_up_referral');
    });
    const outcome = await as('coordinator', `/api/referrals/${referralId}/outcome`, {
      method: 'POST',
      json: { outcome: 'resolved' },
    });
    expect(outcome.status).toBe(200);
    const [closed] = await entriesOf('network.referral.recordOutcome', 'referral', referralId);
    expect(closed).toMatchObject({
      actorId: ids.coordinator,
      details: expect.objectContaining({
        before: { status: 'open', outcome: null },
        after: { status: 'closed', outcome: 'resolved' },
      }),
    });

    // Everything about the CBO, found by the CBO: the record, the call and the referral.
    const { items: aboutCbo, records } = await audit({ targetType: 'cbo', targetId: id });
    expect(aboutCbo.map((entry: any) => entry.action)).toEqual(
      expect.arrayContaining(['network.cbo.create', 'network.hotline.log', 'network.referral.create']),
    );
    expect(records[id].name).toBe('Audit Hotline Group');
    expect(records[partnerId].name).toBe('Audit Legal Aid Cambodia');
  });

  it('writes down a field visit', async () => {
    const visit = await as('coordinator', '/api/field-visits', {
      method: 'POST',
      key: uniqueName('key'),
      json: { provinceCode: 'KH-2', visitedOn: '2025-01-15' },
    });
    expect(visit.status).toBe(201);
    const [entry] = await entriesOf('network.fieldVisit.create', 'field_visit', visit.body.visit.id);
    expect(entry).toMatchObject({
      actorId: ids.coordinator,
      details: expect.objectContaining({ provinceCode: 'KH-2', visitedOn: '2025-01-15' }),
    });
  });

  it('writes down each change of the programme settings, before and after, and not a save that changes nothing', async () => {
    const { body: current } = await as('admin', '/api/settings/network');
    const first = await as('admin', '/api/settings/network', {
      method: 'PUT',
      json: { ...current.settings, reassessmentWaitDays: 30 },
    });
    expect(first.status).toBe(200);
    const second = await as('admin', '/api/settings/network', {
      method: 'PUT',
      json: { ...current.settings, reassessmentWaitDays: 30, unopenedProvinces: 'refuse' },
    });
    expect(second.status).toBe(200);
    const same = await as('admin', '/api/settings/network', {
      method: 'PUT',
      json: { ...current.settings, reassessmentWaitDays: 30, unopenedProvinces: 'refuse' },
    });
    expect(same.status).toBe(200);
    const entries = await entriesOf('network.settings.update', 'settings', 'network', 2);
    expect(entries.map((entry: any) => ({ actorId: entry.actorId, details: entry.details }))).toEqual([
      {
        actorId: ids.admin,
        details: expect.objectContaining({
          before: { unopenedProvinces: current.settings.unopenedProvinces },
          after: { unopenedProvinces: 'refuse' },
        }),
      },
      {
        actorId: ids.admin,
        details: expect.objectContaining({
          before: { reassessmentWaitDays: current.settings.reassessmentWaitDays },
          after: { reassessmentWaitDays: 30 },
        }),
      },
    ]);
    // Put back for the other tests.
    await as('admin', '/api/settings/network', { method: 'PUT', json: current.settings });
  });

  it('writes down the expansion targets changed, before and after', async () => {
    const target = {
      labelEn: '5 in Siem Reap',
      labelKm: '៥ នៅសៀមរាប',
      metric: 'identified',
      count: 5,
      provinces: ['KH-17'],
      dueOn: '2027-06-30',
    };
    const saved = await as('admin', '/api/expansion/targets', { method: 'PUT', json: { targets: [target] } });
    expect(saved.status).toBe(200);
    const [entry] = await entriesOf('network.expansion.saveTargets', 'expansion_targets', 'network');
    expect(entry).toMatchObject({
      actorId: ids.admin,
      details: expect.objectContaining({ after: [target] }),
    });
  });

  it('filters by who and by date, pages by seq, and refuses a bad filter with a clear message', async () => {
    const mine = await audit({ actorId: ids.admin, limit: 200 });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((entry: any) => entry.actorId === ids.admin)).toBe(true);

    const first = await audit({ limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.newer).toBeNull();
    const older = await audit({ limit: 3, before: first.older });
    expect(older.items[0].seq).toBeLessThan(first.items[2].seq);
    const back = await audit({ limit: 3, after: older.newer });
    expect(back.items.map((entry: any) => entry.seq)).toEqual(first.items.map((entry: any) => entry.seq));

    // Today in Cambodia holds every entry of this run; a day long past holds none.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Phnom_Penh' }).format(new Date());
    expect((await audit({ from: today, to: today, limit: 1 })).items).toHaveLength(1);
    expect((await audit({ from: '2001-01-01', to: '2001-01-31' })).items).toEqual([]);

    const backwards = await as('admin', '/api/admin/audit?from=2025-02-01&to=2025-01-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.details.issues).toEqual([
      expect.objectContaining({ path: 'to', message: 'The start date is after the end date' }),
    ]);
    const notADate = await as('admin', '/api/admin/audit?from=yesterday');
    expect(notADate.status).toBe(400);
    expect(notADate.body.details.issues).toEqual([
      expect.objectContaining({ path: 'from', message: 'Enter a date as YYYY-MM-DD' }),
    ]);
    expect((await as('coordinator', '/api/admin/audit')).status).toBe(403);
  });
});
