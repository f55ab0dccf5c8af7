import { randomUUID } from 'node:crypto';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { STAFF, TestStack, type ApiCallInit } from './stack';

const assessment = (
  members: { membersWomen: number; membersMen: number },
  scores: Record<string, number>,
) => ({
  ...members,
  ongoingActivities: 'Monthly meetings of the workers',
  plannedActivities: 'A complaint to the labour inspectorate',
  ambitions: 'A collective agreement',
  leadership: 'An elected committee of three',
  meetingsHeld: 6,
  recordsKept: true,
  registration: 'not_registered',
  risks: 'Dismissal of the leaders',
  scores,
});

/** Data that should not get in: future dates, easy-to-miss duplicates, numbers that cannot both be true, unopened provinces. */
describe('data that should not get in, through the gateway, the services and the workflow', () => {
  let stack: TestStack;
  const tokens: Record<string, string> = {};
  let rubricKeys: string[] = [];

  beforeAll(async () => {
    stack = await TestStack.start('datachecks');
    for (const role of ['coordinator', 'assessor', 'admin'] as const) {
      tokens[role] = await stack.tokenFor(STAFF[role]);
    }
    const { body } = await as('admin', '/api/settings/network');
    rubricKeys = body.settings.rubric.map((criterion: { key: string }) => criterion.key);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const as = (who: string, path: string, init?: ApiCallInit) => stack.call(tokens[who], path, init);
  const record = (draft: Record<string, unknown>) =>
    as('coordinator', '/api/cbos', {
      method: 'POST',
      key: uniqueName('key'),
      json: { provinceCode: 'KH-2', focusIssues: ['labour'], foundVia: 'field_visit', ...draft },
    });
  const stageOf = (id: string, stage: string) =>
    waitFor(
      async () =>
        (await as('coordinator', `/api/cbos/${id}/pipeline`)).body.stage === stage ? true : undefined,
      { what: `stage ${stage}` },
    );
  const auditEntry = (action: string, targetId: string) =>
    waitFor(
      async () =>
        (await as('admin', '/api/admin/audit?limit=200')).body.items.find(
          (entry: any) => entry.action === action && entry.targetId === targetId,
        ),
      { what: `audit ${action}` },
    );

  it('refuses a CBO found on 2030-01-01 and a field visit after today, naming the field, and stores nothing', async () => {
    const before = (await as('coordinator', '/api/cbos?limit=1')).body.total;
    const future = await record({ name: 'Future Group', foundOn: '2030-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.details.issues).toEqual([
      expect.objectContaining({ in: 'body', path: 'foundOn', message: 'Found on cannot be after today' }),
    ]);
    expect((await as('coordinator', '/api/cbos?limit=1')).body.total).toBe(before);
    const visit = await as('coordinator', '/api/field-visits', {
      method: 'POST',
      key: uniqueName('key'),
      json: { provinceCode: 'KH-2', visitedOn: '2030-01-01' },
    });
    expect(visit.status).toBe(400);
    expect(visit.body.details.issues).toEqual([expect.objectContaining({ path: 'visitedOn' })]);
  });

  it('refuses a hotline call dated 1 June 2027, and corrects a wrong call with the audit trail', async () => {
    const created = await record({ name: 'Hotline Callers Group', commune: 'Svay Pao' });
    expect(created.status).toBe(201);
    const cboId = created.body.cbo.id;
    const call = {
      channel: 'call',
      callerName: 'Sokha',
      issue: 'labour',
      summary: 'Wages unpaid for two months',
      guidance: 'Write down the dates and the amounts',
    };
    const future = await as('coordinator', `/api/cbos/${cboId}/hotline`, {
      method: 'POST',
      key: uniqueName('key'),
      json: { ...call, occurredAt: '2027-06-01T09:00:00+07:00' },
    });
    expect(future.status).toBe(400);
    expect(future.body.details.issues).toEqual([
      expect.objectContaining({ path: 'occurredAt', message: 'The call date cannot be after today' }),
    ]);

    const logged = await as('coordinator', `/api/cbos/${cboId}/hotline`, {
      method: 'POST',
      key: uniqueName('key'),
      json: { ...call, occurredAt: '2025-03-01T09:00:00+07:00', callerName: 'Sokhaa' },
    });
    expect(logged.status).toBe(201);
    const callId = logged.body.call.id;
    const correction = { ...call, occurredAt: '2025-03-02T10:00:00+07:00', note: 'Misspelt name, wrong day' };
    expect(
      (
        await as('coordinator', `/api/hotline/${callId}`, {
          method: 'PUT',
          json: { ...correction, occurredAt: '2027-06-01T09:00:00+07:00' },
        })
      ).status,
    ).toBe(400);
    expect((await as('assessor', `/api/hotline/${callId}`, { method: 'PUT', json: correction })).status).toBe(
      403,
    );
    const corrected = await as('coordinator', `/api/hotline/${callId}`, { method: 'PUT', json: correction });
    expect(corrected.status).toBe(200);
    expect(corrected.body.call).toMatchObject({
      id: callId,
      callerName: 'Sokha',
      occurredAt: '2025-03-02T03:00:00.000Z',
      correctedAt: expect.any(String),
    });
    const listed = await as('coordinator', `/api/cbos/${cboId}/hotline`);
    expect(listed.body.items.map((item: any) => item.id)).toEqual([callId]);
    const entry = await auditEntry('hotline.call.correct', callId);
    expect(entry.details).toMatchObject({
      before: { callerName: 'Sokhaa', occurredAt: '2025-03-01T02:00:00.000Z' },
      after: { callerName: 'Sokha', occurredAt: '2025-03-02T03:00:00.000Z' },
      note: 'Misspelt name, wrong day',
    });
    expect(entry.actorId ?? entry.actor?.id ?? JSON.stringify(entry)).toBeTruthy();
    expect(
      (await as('coordinator', `/api/hotline/${randomUUID()}`, { method: 'PUT', json: correction })).status,
    ).toBe(404);
  });

  it('warns of "BAVEL WORKERS ASSOCIATION" with district and commune blank beside "Bavel Workers Association"', async () => {
    const first = await record({
      name: 'Bavel Workers Association',
      district: 'Bavel',
      commune: 'Kdol Ta Hen',
    });
    expect(first.status).toBe(201);
    const again = await record({ name: 'BAVEL  WORKERS ASSOCIATION' });
    expect(again.status).toBe(409);
    expect(again.body.details).toMatchObject({
      reason: 'possible_duplicate',
      duplicates: [expect.objectContaining({ id: first.body.cbo.id })],
    });
    const elsewhere = await record({ name: 'BAVEL WORKERS ASSOCIATION', provinceCode: 'KH-17' });
    expect(elsewhere.status).toBe(201);
  });

  it('refuses 300 women and 200 men for a group of 35 unless the assessor confirms the new count', async () => {
    const created = await record({
      name: 'Garment Workers of Sangkae',
      commune: 'Anlong Vil',
      membersCount: 35,
    });
    const id = created.body.cbo.id;
    await stageOf(id, 'assessment');
    const scores = Object.fromEntries(rubricKeys.map((key) => [key, 3]));
    const refused = await as('assessor', `/api/cbos/${id}/assessment`, {
      method: 'POST',
      json: assessment({ membersWomen: 300, membersMen: 200 }, scores),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('add up to 500, but the CBO is recorded with 35 members');
    expect(refused.body.details.issues).toEqual([
      expect.objectContaining({ path: 'membersWomen', code: 'members_mismatch' }),
      expect.objectContaining({ path: 'membersMen', code: 'members_mismatch' }),
    ]);
    expect((await as('coordinator', `/api/cbos/${id}/pipeline`)).body.stage).toBe('assessment');

    const confirmed = await as('assessor', `/api/cbos/${id}/assessment`, {
      method: 'POST',
      json: { ...assessment({ membersWomen: 300, membersMen: 200 }, scores), updateMembersCount: true },
    });
    expect(confirmed.status).toBe(200);
    expect((await as('coordinator', `/api/cbos/${id}`)).body.cbo.membersCount).toBe(500);
  });

  it('warns of a CBO recorded in Kampot, whose phase has not opened, and refuses it once the admin says so', async () => {
    const warned = await record({ name: 'Kampot Salt Workers', provinceCode: 'KH-7' });
    expect(warned.status).toBe(201);
    expect(warned.body.warnings).toEqual([
      expect.objectContaining({
        code: 'province_not_open',
        provinceCode: 'KH-7',
        opensOn: expect.any(String),
      }),
    ]);
    expect((await record({ name: 'Battambang Rice Workers' })).body.warnings).toEqual([]);

    const { body: current } = await as('admin', '/api/settings/network');
    expect(current.settings.unopenedProvinces).toBe('warn');
    const saved = await as('admin', '/api/settings/network', {
      method: 'PUT',
      json: { ...current.settings, unopenedProvinces: 'refuse' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.settings.unopenedProvinces).toBe('refuse');
    const refused = await record({ name: 'Kampot Pepper Growers', provinceCode: 'KH-7' });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toMatchObject({ reason: 'province_not_open', provinceCode: 'KH-7' });
    await as('admin', '/api/settings/network', {
      method: 'PUT',
      json: { ...current.settings, unopenedProvinces: 'warn' },
    });
  });

  it('flags a public application identical to a CBO on its task and in the list, and a coordinator merges it', async () => {
    const place = { provinceCode: 'KH-17', district: 'Puok', commune: 'Kouk Chak', village: 'Trapeang Ses' };
    const existing = await record({
      name: 'Kouk Chak Land Community',
      nameKm: 'សហគមន៍ដីធ្លីគោកចក',
      ...place,
      focusIssues: ['land'],
    });
    expect(existing.status).toBe(201);
    const application = {
      name: 'Kouk Chak Land Community',
      nameKm: 'សហគមន៍ដីធ្លីគោកចក',
      ...place,
      focusIssues: ['land'],
      contacts: [{ name: 'Chan Dara', phone: '012 345 678' }],
    };
    const applied = await as('anonymous', '/api/applications', {
      method: 'POST',
      key: uniqueName('key'),
      json: application,
    });
    expect(applied.status).toBe(201);
    const id = applied.body.cbo.id;
    await stageOf(id, 'assessment');

    const listed = (await as('coordinator', '/api/cbos?provinceCode=KH-17')).body.items;
    expect(listed.find((cbo: any) => cbo.id === id)).toMatchObject({
      possibleDuplicateOf: existing.body.cbo.id,
    });
    expect(listed.find((cbo: any) => cbo.id === existing.body.cbo.id)).toMatchObject({
      possibleDuplicateOf: null,
    });
    const task = await waitFor(async () =>
      (await as('assessor', `/api/tasks?cboId=${id}`)).body.items.find((t: any) => t.kind === 'assess_cbo'),
    );
    expect(task.possibleDuplicateOf).toBe(existing.body.cbo.id);

    expect(
      (await as('assessor', `/api/cbos/${id}/duplicate`, { method: 'POST', json: { decision: 'distinct' } }))
        .status,
    ).toBe(403);
    const wrong = await as('coordinator', `/api/cbos/${id}/duplicate`, {
      method: 'POST',
      json: { decision: 'merged', into: randomUUID() },
    });
    expect(wrong.status).toBe(409);
    expect(wrong.body.details.reason).toBe('not_flagged');

    const merge = { decision: 'merged', into: existing.body.cbo.id };
    const merged = await as('coordinator', `/api/cbos/${id}/duplicate`, { method: 'POST', json: merge });
    expect(merged.status).toBe(200);
    expect(merged.body.cbo).toMatchObject({
      duplicateDecision: 'merged',
      duplicateOf: existing.body.cbo.id,
      possibleDuplicateOf: null,
    });
    expect(merged.body.pipeline.stage).toBe('withdrawn');
    const again = await as('coordinator', `/api/cbos/${id}/duplicate`, { method: 'POST', json: merge });
    expect(again.status).toBe(200);
    expect(again.body.pipeline.stage).toBe('withdrawn');
    const other = await as('coordinator', `/api/cbos/${id}/duplicate`, {
      method: 'POST',
      json: { decision: 'distinct' },
    });
    expect(other.body.details.reason).toBe('duplicate_decided');
    await waitFor(async () =>
      (await as('assessor', `/api/tasks?cboId=${id}`)).body.items.length === 0 ? true : undefined,
    );
    const entry = await auditEntry('cbo.duplicate.merged', id);
    expect(entry.details).toMatchObject({
      after: { duplicateDecision: 'merged', duplicateOf: existing.body.cbo.id },
    });
  });

  it('lets a coordinator confirm an application is a different group: the flag goes', async () => {
    const existing = await record({
      name: 'Srah Chik Fishers',
      provinceCode: 'KH-17',
      commune: 'Srah Chik',
      focusIssues: ['fisheries'],
    });
    const applied = await as('anonymous', '/api/applications', {
      method: 'POST',
      key: uniqueName('key'),
      json: {
        name: 'Srah Chik Fishers',
        provinceCode: 'KH-17',
        commune: 'Srah Chik',
        focusIssues: ['fisheries'],
        contacts: [{ name: 'Mean Sophea' }],
      },
    });
    const id = applied.body.cbo.id;
    expect((await as('coordinator', `/api/cbos/${id}`)).body.cbo.possibleDuplicateOf).toBe(
      existing.body.cbo.id,
    );
    const distinct = await as('coordinator', `/api/cbos/${id}/duplicate`, {
      method: 'POST',
      json: { decision: 'distinct' },
    });
    expect(distinct.status).toBe(200);
    expect(distinct.body).toMatchObject({
      cbo: { duplicateDecision: 'distinct', possibleDuplicateOf: null },
      pipeline: null,
    });
    await stageOf(id, 'assessment');
    const task = await waitFor(async () => (await as('assessor', `/api/tasks?cboId=${id}`)).body.items[0]);
    expect(task.possibleDuplicateOf).toBeNull();
    await auditEntry('cbo.duplicate.distinct', id);
  });
});
