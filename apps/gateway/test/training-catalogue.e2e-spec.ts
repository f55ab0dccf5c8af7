import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { STAFF, TestStack, type ApiCallInit } from './stack';

/**
 * The training catalogue and the trainers, through the gateway over HTTP with the real training
 * service: who may read and change what, bad input refused with its field and nothing changed,
 * every change in the audit log, and a retried create adding once.
 */
describe('the training catalogue and trainers', () => {
  let stack: TestStack;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await TestStack.start('training-catalogue');
    for (const role of ['admin', 'coordinator', 'trainer', 'assessor', 'finance'] as const) {
      tokens[role] = await stack.tokenFor(STAFF[role]);
      ids[role] = (await as(role, '/api/auth/me')).body.account.id;
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const as = (who: string, path: string, init?: ApiCallInit) => stack.call(tokens[who], path, init);

  /** The audit entries of `action` on the record, once the outbox has delivered `count` of them. */
  const entriesOf = (action: string, targetType: string, targetId: string, count = 1) =>
    waitFor(
      async () => {
        const search = new URLSearchParams({ action, targetType, targetId });
        const { body } = await as('admin', `/api/admin/audit?${search}`);
        const exact = body.items.filter((entry: any) => entry.targetId === targetId);
        return exact.length >= count ? exact : undefined;
      },
      { what: `${count} ${action} entries on ${targetType} ${targetId}` },
    );

  const pathsOf = (body: any) => (body.details?.issues ?? []).map((issue: any) => issue.path);

  const digitalSecurity = {
    id: 'digital_security',
    titleKm: 'សុវត្ថិភាពឌីជីថល',
    titleEn: 'Digital security',
    descriptionKm: 'របៀបការពារទូរស័ព្ទ និងគណនីរបស់សហគមន៍។',
    descriptionEn: "How to protect the group's phones and accounts.",
    durationMinutes: 240,
    requiredForGrants: false,
  };

  it('starts with the four required modules, read by programme staff and trainers only', async () => {
    const { status, body } = await as('trainer', '/api/training/modules');
    expect(status).toBe(200);
    expect(body.items.map((m: any) => m.id).sort()).toEqual([
      'advocacy',
      'human_rights',
      'monitoring_documentation',
      'organisational_development',
    ]);
    expect(body.items.every((m: any) => m.requiredForGrants && /[\u1780-\u17FF]/.test(m.titleKm))).toBe(true);
    expect((await as('assessor', '/api/training/modules/human_rights')).body.module.titleEn).toBe(
      'Human rights',
    );
    expect((await as('finance', '/api/training/modules')).status).toBe(403);
    expect((await as('anonymous', '/api/training/modules')).status).toBe(401);
    expect((await as('coordinator', '/api/training/modules/cooking')).status).toBe(404);
  });

  it('lets an admin add a module once however often the request is retried, and writes it down', async () => {
    const key = uniqueName('key');
    const forbidden = await as('coordinator', '/api/training/modules', {
      method: 'POST',
      key,
      json: digitalSecurity,
    });
    expect(forbidden.status).toBe(403);

    const first = await as('admin', '/api/training/modules', { method: 'POST', key, json: digitalSecurity });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, module: { id: 'digital_security', active: true } });
    const again = await as('admin', '/api/training/modules', { method: 'POST', key, json: digitalSecurity });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, created: false });

    const { body } = await as('admin', '/api/training/modules');
    expect(body.items.filter((m: any) => m.id === 'digital_security')).toHaveLength(1);
    const [entry] = await entriesOf('training.module.create', 'training_module', 'digital_security');
    expect(entry).toMatchObject({
      actorId: ids.admin,
      outcome: 'success',
      details: expect.objectContaining({ titleEn: 'Digital security', recordedBy: 'system:training' }),
    });

    // Another key with the same id is refused: the catalogue already holds it.
    const taken = await as('admin', '/api/training/modules', {
      method: 'POST',
      key: uniqueName('key'),
      json: digitalSecurity,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.details).toMatchObject({ reason: 'module_exists' });
  });

  it('refuses a module with bad fields, naming each, and adds nothing', async () => {
    const bad = await as('admin', '/api/training/modules', {
      method: 'POST',
      key: uniqueName('key'),
      json: { ...digitalSecurity, id: 'Bad Id', titleKm: ' ', durationMinutes: 5 },
    });
    expect(bad.status).toBe(400);
    expect(pathsOf(bad.body)).toEqual(expect.arrayContaining(['id', 'titleKm', 'durationMinutes']));
    const noKey = await as('admin', '/api/training/modules', { method: 'POST', json: digitalSecurity });
    expect(noKey.status).toBe(400);
    expect(pathsOf(noKey.body)).toContain('idempotency-key');
    const { body } = await as('admin', '/api/training/modules?includeInactive=true');
    expect(body.items).toHaveLength(5);
  });

  it('lets an admin change a module, writing down what it was, and nobody else', async () => {
    const { id: _id, ...draft } = { ...digitalSecurity, durationMinutes: 300, active: false };
    expect(
      (await as('trainer', '/api/training/modules/digital_security', { method: 'PUT', json: draft })).status,
    ).toBe(403);
    const changed = await as('admin', '/api/training/modules/digital_security', {
      method: 'PUT',
      json: draft,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.module).toMatchObject({ durationMinutes: 300, active: false });
    expect((await as('trainer', '/api/training/modules')).body.items).toHaveLength(4);
    const [entry] = await entriesOf('training.module.update', 'training_module', 'digital_security');
    expect(entry.details).toMatchObject({
      before: { durationMinutes: 240, active: true },
      after: { durationMinutes: 300, active: false },
    });
  });

  const profile = {
    moduleIds: ['human_rights', 'advocacy'],
    provinceCodes: ['KH-2', 'KH-17'],
    windows: [
      { weekday: 1, start: '08:00', end: '12:00' },
      { weekday: 3, start: '08:00', end: '17:00' },
    ],
    exceptions: [{ startDate: '2026-12-24', endDate: '2026-12-26', kind: 'leave', note: 'Family' }],
  };

  it('lets a coordinator add a trainer, and refuses bad fields naming them', async () => {
    const path = `/api/training/trainers/${ids.trainer}`;
    expect((await as('trainer', path, { method: 'PUT', json: profile })).status).toBe(403);
    expect((await as('assessor', '/api/training/trainers')).status).toBe(403);

    const unknown = await as('coordinator', path, {
      method: 'PUT',
      json: { ...profile, moduleIds: ['cooking'] },
    });
    expect(unknown.status).toBe(400);
    expect(pathsOf(unknown.body)).toEqual(['moduleIds']);
    const overlapping = await as('coordinator', path, {
      method: 'PUT',
      json: { ...profile, windows: [...profile.windows, { weekday: 1, start: '11:00', end: '13:00' }] },
    });
    expect(overlapping.status).toBe(400);
    expect(pathsOf(overlapping.body)).toEqual(['windows.2.start']);
    expect((await as('coordinator', path)).status).toBe(404);

    const saved = await as('coordinator', path, { method: 'PUT', json: profile });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      created: true,
      trainer: { userId: ids.trainer, moduleIds: profile.moduleIds },
    });
    expect(saved.body.trainer.exceptions[0]).toMatchObject({ id: expect.any(String), kind: 'leave' });
    const [entry] = await entriesOf('training.trainer.create', 'trainer', ids.trainer);
    expect(entry).toMatchObject({ actorId: ids.coordinator });

    const listed = await as('admin', '/api/training/trainers?moduleId=advocacy&provinceCode=KH-17');
    expect(listed.body.items.map((t: any) => t.userId)).toEqual([ids.trainer]);
    expect(
      (await as('admin', '/api/training/trainers?moduleId=monitoring_documentation')).body.items,
    ).toEqual([]);
  });

  it('lets the trainer read and change their own availability, not their modules', async () => {
    const mine = await as('trainer', '/api/training/me');
    expect(mine.status).toBe(200);
    expect(mine.body.trainer.moduleIds).toEqual(['human_rights', 'advocacy']);
    expect((await as('trainer', `/api/training/trainers/${ids.trainer}`)).status).toBe(200);
    expect((await as('trainer', `/api/training/trainers/${ids.coordinator}`)).status).toBe(403);
    expect((await as('coordinator', '/api/training/me')).status).toBe(403);

    const backwards = await as('trainer', '/api/training/me/availability', {
      method: 'PUT',
      json: {
        windows: [{ weekday: 2, start: '17:00', end: '09:00' }],
        exceptions: [{ startDate: '2027-01-10', endDate: '2027-01-09', kind: 'leave' }],
      },
    });
    expect(backwards.status).toBe(400);
    expect(pathsOf(backwards.body)).toEqual(['windows.0.end', 'exceptions.0.endDate']);

    const availability = {
      windows: [{ weekday: 5, start: '13:00', end: '17:30' }],
      exceptions: [
        {
          startDate: '2027-01-05',
          endDate: '2027-01-05',
          startTime: '08:00',
          endTime: '12:00',
          kind: 'other_work',
        },
      ],
    };
    const changed = await as('trainer', '/api/training/me/availability', {
      method: 'PUT',
      json: availability,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.trainer).toMatchObject({
      windows: availability.windows,
      moduleIds: ['human_rights', 'advocacy'],
      provinceCodes: ['KH-2', 'KH-17'],
    });
    const [entry] = await entriesOf('training.trainer.availability', 'trainer', ids.trainer);
    expect(entry).toMatchObject({
      actorId: ids.trainer,
      details: expect.objectContaining({ after: expect.objectContaining({ windows: availability.windows }) }),
    });
  });
  /** Friday 4 January 2036, 13:00 to 16:00 in Phnom Penh, in Battambang: within the trainer's Friday window. */
  const session = () => ({
    moduleId: 'human_rights',
    trainerIds: [ids.trainer],
    startsAt: '2036-01-04T06:00:00.000Z',
    endsAt: '2036-01-04T09:00:00.000Z',
    venue: {
      kind: 'place',
      provinceCode: 'KH-2',
      district: 'Battambang',
      commune: 'Svay Por',
      place: 'Pagoda hall',
    },
    capacity: 20,
    minimumAttendance: 5,
    language: 'km',
  });

  it('schedules a session once however often it is retried, and writes it down', async () => {
    const key = uniqueName('key');
    const first = await as('coordinator', '/api/training/sessions', { method: 'POST', key, json: session() });
    expect(first.status).toBe(201);
    expect(first.body.session).toMatchObject({
      status: 'scheduled',
      trainerIds: [ids.trainer],
      createdBy: ids.coordinator,
    });
    const again = await as('coordinator', '/api/training/sessions', { method: 'POST', key, json: session() });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, created: false });
    const listed = await as('trainer', `/api/training/sessions?trainerId=${ids.trainer}`);
    expect(listed.body.items.map((s: any) => s.id)).toEqual([first.body.session.id]);
    const [entry] = await entriesOf('training.session.create', 'training_session', first.body.session.id);
    expect(entry).toMatchObject({
      actorId: ids.coordinator,
      details: expect.objectContaining({ moduleId: 'human_rights' }),
    });
  });

  it('refuses, with the reasons, a trainer double-booked, outside their availability or not qualified', async () => {
    const post = (json: unknown, who = 'coordinator') =>
      as(who, '/api/training/sessions', { method: 'POST', key: uniqueName('key'), json });
    const twice = await post(session());
    expect(twice.status).toBe(409);
    expect(twice.body.details.reason).toBe('double_booked');
    expect(twice.body.details.refusals.map((r: any) => r.code).sort()).toEqual([
      'double_booked',
      'venue_taken',
    ]);

    const saturday = await post({
      ...session(),
      startsAt: '2036-01-05T06:00:00.000Z',
      endsAt: '2036-01-05T09:00:00.000Z',
    });
    expect(saturday.status).toBe(409);
    expect(saturday.body.details).toMatchObject({ reason: 'outside_availability' });

    const unqualified = await post({
      ...session(),
      moduleId: 'monitoring_documentation',
      startsAt: '2036-01-11T06:00:00.000Z',
      endsAt: '2036-01-11T09:00:00.000Z',
    });
    expect(unqualified.status).toBe(409);
    expect(unqualified.body.details).toMatchObject({ reason: 'not_qualified' });

    const bad = await post({
      ...session(),
      capacity: 0,
      venue: { kind: 'place', provinceCode: 'KH-2', district: 'Battambang', commune: 'Svay Por' },
    });
    expect(bad.status).toBe(400);
    expect(pathsOf(bad.body)).toEqual(expect.arrayContaining(['capacity', 'venue.place']));

    expect((await post(session(), 'assessor')).status).toBe(403);
    const forAnother = await post({ ...session(), trainerIds: [ids.coordinator] }, 'trainer');
    expect(forAnother.status).toBe(403);

    const { body } = await as('admin', '/api/training/sessions');
    expect(body.items).toHaveLength(1);
  });
  it('books a trainer once when several schedulers ask for the same time at once', async () => {
    const slot = { ...session(), startsAt: '2036-01-18T06:00:00.000Z', endsAt: '2036-01-18T08:00:00.000Z' };
    const answers = await Promise.all(
      ['coordinator', 'admin', 'coordinator', 'admin', 'trainer'].map((who, n) =>
        as(who, '/api/training/sessions', {
          method: 'POST',
          key: uniqueName(`race-${n}`),
          json: { ...slot, venue: { ...slot.venue, place: `Hall ${n}` } },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect(refused.body.details.reason).toBe('double_booked');
    }
    const { body } = await as(
      'admin',
      `/api/training/sessions?from=2036-01-18T00:00:00Z&to=2036-01-19T00:00:00Z`,
    );
    expect(body.items).toHaveLength(1);
  });
});
