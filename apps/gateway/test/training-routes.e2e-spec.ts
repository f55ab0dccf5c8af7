import { randomUUID } from 'node:crypto';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { STAFF, TestStack, type ApiCallInit } from './stack';

type Json = any;

/**
 * The training routes of a session's run, a CBO's progress, certificates and the trainers'
 * calendar feeds, over HTTP with the real services and the session's workflow: who may call
 * each (401/403, and the services' own narrowing to a member's own CBO), bad input refused with
 * the field and its message, and one session taken from scheduling through invitation, a
 * confirmed seat, being held, attendance and completion to a certificate anyone can verify.
 */
describe('training routes through the gateway', () => {
  let stack: TestStack;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let rubricKeys: string[] = [];

  /** A call to the API; a POST gets an idempotency key of its own. */
  const call = (token: string | undefined, path: string, init: ApiCallInit = {}) =>
    stack.call(token, path, { ...init, key: init.method === 'POST' ? uniqueName('key') : undefined });
  const as = (who: string, path: string, init: ApiCallInit = {}) => call(tokens[who], path, init);
  const issuesOf = (body: Json) =>
    (body.details?.issues ?? []).map((issue: Json) => ({ path: issue.path, message: issue.message }));

  /** A member signed up and linked by a code to `cboId`, under `name`. */
  async function member(name: string, cboId: string) {
    const email = `${uniqueName('member')}@example.org`;
    const signedUp = await call(undefined, '/api/auth/sign-up', {
      method: 'POST',
      json: { email, displayName: name, password: 'a long member passphrase' },
    });
    expect(signedUp.status).toBe(201);
    const token = signedUp.body.session.token as string;
    const { body: issued } = await as('coordinator', `/api/cbos/${cboId}/link-codes`, {
      method: 'POST',
      json: {},
    });
    const linked = await call(token, '/api/me/cbo-link', { method: 'POST', json: { code: issued.code } });
    expect(linked.body.account.cboId).toBe(cboId);
    return { token, id: linked.body.account.id as string };
  }

  const stageOf = (cboId: string, stage: string) =>
    waitFor(
      async () =>
        (await as('coordinator', `/api/cbos/${cboId}/pipeline`)).body.stage === stage ? true : undefined,
      { what: `stage ${stage}`, timeoutMs: 20_000 },
    );

  /** A CBO recorded, assessed and selected: a Network Participant, whom sessions invite. */
  async function participant(name: string, nameKm?: string): Promise<string> {
    const { id } = await stack.recordCbo({
      name,
      ...(nameKm ? { nameKm } : {}),
      provinceCode: 'KH-2',
      focusIssues: ['land'],
      foundVia: 'field_visit',
      acknowledgeDuplicates: true,
    });
    await stageOf(id, 'assessment');
    const assessed = await as('assessor', `/api/cbos/${id}/assessment`, {
      method: 'POST',
      json: {
        membersWomen: 9,
        membersMen: 8,
        ongoingActivities: 'Monthly patrols of the flooded forest',
        plannedActivities: 'Map the fishing grounds with the commune',
        ambitions: 'A community fishery recognised by the province',
        leadership: 'An elected committee of five',
        meetingsHeld: 10,
        recordsKept: true,
        registration: 'in_progress',
        risks: 'Pressure from illegal fishing lots',
        scores: Object.fromEntries(rubricKeys.map((key) => [key, 4])),
      },
    });
    expect(assessed.status).toBe(200);
    const selected = await as('approver', `/api/cbos/${id}/decision`, {
      method: 'POST',
      json: { outcome: 'selected', reason: 'Well organised' },
    });
    expect(selected.status).toBe(200);
    await stageOf(id, 'participant');
    return id;
  }

  /** Schedules a human rights session at the trainer's place in Battambang, as the coordinator. */
  async function schedule(startsAt: Date, endsAt: Date, place: string) {
    const created = await as('coordinator', '/api/training/sessions', {
      method: 'POST',
      json: {
        moduleId: 'human_rights',
        trainerIds: [ids.trainer],
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        venue: { kind: 'place', provinceCode: 'KH-2', district: 'Sangkae', commune: 'Ou Dambang', place },
        capacity: 10,
        minimumAttendance: 1,
        language: 'km',
      },
    });
    expect(created.status).toBe(201);
    return created.body.session.id as string;
  }

  const runOf = async (sessionId: string) =>
    (await as('coordinator', `/api/training/sessions/${sessionId}/run`)).body;
  const runState = (sessionId: string, state: string, timeoutMs = 30_000) =>
    waitFor(async () => ((await runOf(sessionId)).state === state ? true : undefined), {
      what: `the run to be ${state}`,
      timeoutMs,
    });

  /** Two participants, members of each, and a group still being assessed (never invited). */
  let cboA: string;
  let cboB: string;
  let outsider: string;
  const members: Record<string, { token: string; id: string }> = {};

  beforeAll(async () => {
    stack = await TestStack.start('training-routes');
    for (const role of ['admin', 'coordinator', 'trainer', 'assessor', 'approver', 'finance'] as const) {
      tokens[role] = await stack.tokenFor(STAFF[role]);
      ids[role] = (await as(role, '/api/auth/me')).body.account.id;
    }
    const { body } = await as('admin', '/api/settings/network');
    rubricKeys = body.settings.rubric.map((criterion: { key: string }) => criterion.key);
    // A trainer free all day every day, so a session may start in a minute whatever the weekday.
    const saved = await as('coordinator', `/api/training/trainers/${ids.trainer}`, {
      method: 'PUT',
      json: {
        moduleIds: ['human_rights', 'advocacy'],
        provinceCodes: ['KH-2'],
        windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
        exceptions: [],
      },
    });
    expect(saved.status).toBe(200);
    cboA = await participant(uniqueName('Ek Phnom Fishers'), 'សហគមន៍នេសាទឯកភ្នំ');
    cboB = await participant(uniqueName('Bavel Youth'));
    outsider = (
      await stack.recordCbo({
        name: uniqueName('Thma Koul Weavers'),
        provinceCode: 'KH-2',
        focusIssues: ['land'],
        foundVia: 'field_visit',
        acknowledgeDuplicates: true,
      })
    ).id;
    members.a = await member('សុខ ស្រីពៅ', cboA);
    members.b = await member('Chan Dara', cboB);
    members.outsider = await member('Keo Malis', outsider);
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('asks for a session on every route but the certificate check and the calendar feed', async () => {
    const session = randomUUID();
    const signedIn = [
      ['GET', `/api/training/sessions/${session}/run`],
      ['POST', `/api/training/sessions/${session}/move`],
      ['POST', `/api/training/sessions/${session}/cancel`],
      ['GET', `/api/training/sessions/${session}/attendance`],
      ['POST', `/api/training/sessions/${session}/attendance`],
      ['GET', `/api/training/progress/${cboA}`],
      ['GET', '/api/training/certificates/CRT-0000000000/holder'],
      ['GET', '/api/training/me/calendar'],
      ['POST', '/api/training/me/calendar'],
    ];
    for (const [method, path] of signedIn) {
      const answer = await call(undefined, path, { method, ...(method === 'POST' ? { json: {} } : {}) });
      expect({ path, status: answer.status, code: answer.body.code }).toEqual({
        path,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
    expect((await call(undefined, '/api/training/certificates/CRT-0000000000')).status).toBe(404);
    expect((await call(undefined, `/api/training/calendar/${'x'.repeat(32)}.ics`)).status).toBe(404);
  });

  it('lets each role only where its group may', async () => {
    const session = randomUUID();
    const refusals: Array<[string, string, string, unknown?]> = [
      ['finance', 'GET', `/api/training/sessions/${session}/run`],
      [
        'assessor',
        'POST',
        `/api/training/sessions/${session}/move`,
        { startsAt: '2036-01-01T01:00:00Z', endsAt: '2036-01-01T02:00:00Z' },
      ],
      ['approver', 'POST', `/api/training/sessions/${session}/cancel`, { reason: 'No' }],
      ['assessor', 'GET', `/api/training/sessions/${session}/attendance`],
      ['coordinator', 'POST', `/api/training/sessions/${session}/attendance`, { marks: [] }],
      ['finance', 'GET', `/api/training/progress/${cboA}`],
      ['finance', 'GET', '/api/training/certificates/CRT-0000000000/holder'],
      ['coordinator', 'GET', '/api/training/me/calendar'],
      ['admin', 'POST', '/api/training/me/calendar'],
    ];
    for (const [who, method, path, json] of refusals) {
      const answer = await as(who, path, { method, ...(json !== undefined ? { json } : {}) });
      expect({ who, path, status: answer.status }).toEqual({ who, path, status: 403 });
    }
    // A member is no staff: not the run, the sheet or a trainer's feed.
    for (const path of [
      `/api/training/sessions/${session}/run`,
      `/api/training/sessions/${session}/attendance`,
      '/api/training/me/calendar',
    ]) {
      expect((await call(members.a.token, path)).status).toBe(403);
    }
    // An unknown session is not found, for those who may ask.
    expect((await as('coordinator', `/api/training/sessions/${session}/run`)).status).toBe(404);
    expect((await as('coordinator', `/api/training/sessions/${session}/attendance`)).status).toBe(404);
    const unknown: Array<[string, string, unknown]> = [
      ['coordinator', 'move', { startsAt: '2036-01-01T01:00:00Z', endsAt: '2036-01-01T02:00:00Z' }],
      ['coordinator', 'cancel', { reason: 'No such session' }],
      ['trainer', 'attendance', { marks: [] }],
    ];
    for (const [who, step, json] of unknown) {
      const answer = await as(who, `/api/training/sessions/${session}/${step}`, { method: 'POST', json });
      expect({ step, status: answer.status }).toEqual({ step, status: 404 });
    }
    expect((await as('coordinator', '/api/training/certificates/CRT-0000000000/holder')).status).toBe(404);
  });

  it('refuses bad input with the field and what is wrong with it, and changes nothing', async () => {
    const session = randomUUID();
    const backwards = await as('coordinator', `/api/training/sessions/${session}/move`, {
      method: 'POST',
      json: { startsAt: '2036-01-04T03:00:00Z', endsAt: '2036-01-04T01:00:00Z' },
    });
    expect(backwards.status).toBe(400);
    expect(issuesOf(backwards.body)).toEqual([
      { path: 'endsAt', message: 'The end must be after the start' },
    ]);
    const noTime = await as('coordinator', `/api/training/sessions/${session}/move`, {
      method: 'POST',
      json: { startsAt: 'tomorrow' },
    });
    expect(noTime.status).toBe(400);
    expect(issuesOf(noTime.body)).toEqual(
      expect.arrayContaining([
        { path: 'startsAt', message: 'Give the new start as a date and time' },
        { path: 'endsAt', message: 'Give the new end as a date and time' },
      ]),
    );
    const noReason = await as('coordinator', `/api/training/sessions/${session}/cancel`, {
      method: 'POST',
      json: { reason: '   ' },
    });
    expect(noReason.status).toBe(400);
    expect(issuesOf(noReason.body)).toEqual([
      { path: 'reason', message: 'Say why the session is cancelled' },
    ]);
    const badMark = await as('trainer', `/api/training/sessions/${session}/attendance`, {
      method: 'POST',
      json: { marks: [{ memberId: members.a.id, mark: 'asleep' }] },
    });
    expect(badMark.status).toBe(400);
    expect(issuesOf(badMark.body)).toEqual([
      { path: 'marks.0.mark', message: 'A mark is present, late, absent or excused' },
    ]);
    const twice = await as('trainer', `/api/training/sessions/${session}/attendance`, {
      method: 'POST',
      json: {
        marks: [
          { memberId: members.a.id, mark: 'present' },
          { memberId: members.a.id, mark: 'late' },
        ],
      },
    });
    expect(twice.status).toBe(400);
    expect(issuesOf(twice.body)).toEqual([{ path: 'marks', message: 'Each member once' }]);
    const notASession = await as('coordinator', '/api/training/sessions/12/run');
    expect(notASession.status).toBe(400);
    expect(issuesOf(notASession.body)).toEqual([{ path: 'id', message: 'Session id must be a UUID' }]);
    const notACbo = await call(members.a.token, '/api/training/progress/ours');
    expect(notACbo.status).toBe(400);
    expect(issuesOf(notACbo.body)).toEqual([{ path: 'cboId', message: 'CBO id must be a UUID' }]);
    const notACode = await call(undefined, '/api/training/certificates/CRT-12');
    expect(notACode.status).toBe(400);
    expect(issuesOf(notACode.body)).toEqual([
      { path: 'code', message: 'A certificate code reads CRT- and ten letters or digits' },
    ]);
    const notAToken = await call(undefined, '/api/training/calendar/short.ics');
    expect(notAToken.status).toBe(400);
    expect(issuesOf(notAToken.body)).toEqual([{ path: 'token', message: 'Not a feed token' }]);
  });

  it("shows a member their own group's progress, never another group's, and staff any", async () => {
    const mine = await call(members.a.token, `/api/training/progress/${cboA}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ requiredDone: 0, requiredTotal: 4, certificates: [] });
    expect(mine.body.modules.map((module: Json) => module.moduleId)).toEqual(
      expect.arrayContaining([
        'human_rights',
        'monitoring_documentation',
        'advocacy',
        'organisational_development',
      ]),
    );
    expect(mine.body.modules.every((module: Json) => module.completed === false)).toBe(true);
    const theirs = await call(members.a.token, `/api/training/progress/${cboB}`);
    expect([403, 404]).toContain(theirs.status);
    expect((await as('coordinator', `/api/training/progress/${cboB}`)).status).toBe(200);
    expect((await as('trainer', `/api/training/progress/${cboB}`)).status).toBe(200);
  });

  it('moves and cancels a session for its schedulers, and tells a refused move why', async () => {
    const sessionId = await schedule(
      new Date('2036-03-07T01:00:00Z'),
      new Date('2036-03-07T04:00:00Z'),
      'Commune hall',
    );
    // While the invitations go out the run takes no other change (`busy`); then it may move.
    await runState(sessionId, 'invited');
    const moved = await as('trainer', `/api/training/sessions/${sessionId}/move`, {
      method: 'POST',
      // Phnom Penh time: the run keeps UTC instants.
      json: { startsAt: '2036-03-08T08:00:00+07:00', endsAt: '2036-03-08T11:00:00+07:00' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ sessionId, startsAt: '2036-03-08T01:00:00.000Z' });
    expect(moved.body.state).toBe('invited');
    const session = (await as('coordinator', `/api/training/sessions/${sessionId}`)).body.session;
    expect(session.startsAt).toBe('2036-03-08T01:00:00.000Z');

    const past = await as('coordinator', `/api/training/sessions/${sessionId}/move`, {
      method: 'POST',
      json: { startsAt: '2020-03-08T01:00:00Z', endsAt: '2020-03-08T04:00:00Z' },
    });
    expect(past.status).toBe(400);
    expect(past.body.details.reason).toBe('invalid_time');
    expect((await runOf(sessionId)).startsAt).toBe('2036-03-08T01:00:00.000Z');

    const cancelled = await as('coordinator', `/api/training/sessions/${sessionId}/cancel`, {
      method: 'POST',
      json: { reason: 'The commune hall is flooded' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ state: 'cancelled', cancelReason: 'The commune hall is flooded' });
    const again = await as('coordinator', `/api/training/sessions/${sessionId}/cancel`, {
      method: 'POST',
      json: { reason: 'Again' },
    });
    expect(again.status).toBe(409);
    expect(again.body.details.reason).toBe('session_cancelled');
  }, 60_000);

  // The one session the rest follows, from its invitations to its certificate.
  let sessionId: string;
  let code: string;

  it('invites the participants, seats a member, holds the session, records attendance and completes it', async () => {
    // A session starting in a minute: long enough to be invited and confirm, short enough to wait for.
    const startsAt = new Date(Date.now() + 50_000);
    const endsAt = new Date(startsAt.getTime() + 20_000);
    sessionId = await schedule(startsAt, endsAt, 'Wat Kandal pagoda');

    const invited = await waitFor(
      async () => {
        const { body } = await call(members.a.token, `/api/training/progress/${cboA}`);
        return body.sessions?.find((entry: Json) => entry.session.id === sessionId && entry.invited);
      },
      { what: 'the invitation', timeoutMs: 30_000 },
    );
    expect(invited).toMatchObject({ module: { id: 'human_rights' }, seat: null });
    // The group still being assessed is not invited, and cannot take a seat.
    const outside = await call(members.outsider.token, `/api/training/progress/${outsider}`);
    expect(
      (outside.body.sessions ?? []).find((entry: Json) => entry.session.id === sessionId)?.invited ?? false,
    ).toBe(false);
    const refused = await call(members.outsider.token, `/api/training/sessions/${sessionId}/seat`, {
      method: 'POST',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.details.reason).toBe('not_invited');

    const seat = await call(members.a.token, `/api/training/sessions/${sessionId}/seat`, { method: 'POST' });
    expect(seat.status).toBe(201);
    expect(seat.body.seat.status).toBe('confirmed');
    const seen = await call(members.a.token, `/api/training/progress/${cboA}`);
    expect(seen.body.sessions.find((entry: Json) => entry.session.id === sessionId).seat).toMatchObject({
      status: 'confirmed',
      memberId: members.a.id,
    });

    // Before it is held: the sheet expects the seated member, and takes no marks yet.
    const sheet = await as('trainer', `/api/training/sessions/${sessionId}/attendance`);
    expect(sheet.status).toBe(200);
    expect(sheet.body).toMatchObject({ marks: null, module: { id: 'human_rights' } });
    expect(sheet.body.expected.map((entry: Json) => entry.memberId)).toEqual([members.a.id]);
    const early = await as('trainer', `/api/training/sessions/${sessionId}/attendance`, {
      method: 'POST',
      json: { marks: [{ memberId: members.a.id, mark: 'present' }] },
    });
    expect(early.status).toBe(409);
    expect(early.body.details.reason).toBe('not_held_yet');

    await runState(sessionId, 'held', 90_000);
    // The sheet takes marks once the trainers' attendance task is open (until then the run is `busy`).
    await waitFor(async () => ((await runOf(sessionId)).attendanceTaskId ? true : undefined), {
      what: 'the attendance task',
    });
    const stranger = await as('trainer', `/api/training/sessions/${sessionId}/attendance`, {
      method: 'POST',
      json: { marks: [{ memberId: members.b.id, mark: 'present' }] },
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.details).toMatchObject({ reason: 'attendees_mismatch', missing: [members.a.id] });

    const recorded = await as('trainer', `/api/training/sessions/${sessionId}/attendance`, {
      method: 'POST',
      json: { marks: [{ memberId: members.a.id, mark: 'present' }] },
    });
    expect(recorded.status).toBe(200);
    expect(['attendance_recorded', 'completed']).toContain(recorded.body.state);
    await runState(sessionId, 'completed');
    const kept = await as('coordinator', `/api/training/sessions/${sessionId}/attendance`);
    expect(kept.body.marks).toEqual([{ memberId: members.a.id, mark: 'present' }]);
    expect(kept.body.recordedBy).toBe(ids.trainer);

    const done = await waitFor(
      async () => {
        const { body } = await call(members.a.token, `/api/training/progress/${cboA}`);
        return body.certificates?.length ? body : undefined;
      },
      { what: 'the certificate', timeoutMs: 20_000 },
    );
    expect(done.requiredDone).toBe(1);
    expect(done.modules.find((module: Json) => module.moduleId === 'human_rights')).toMatchObject({
      completed: true,
    });
    expect(done.certificates).toEqual([
      expect.objectContaining({
        memberName: 'សុខ ស្រីពៅ',
        moduleId: 'human_rights',
        cboNameKm: 'សហគមន៍នេសាទឯកភ្នំ',
      }),
    ]);
    code = done.certificates[0].code;
  }, 200_000);

  it('verifies a certificate for anyone, read leniently, and gives its holder the whole record', async () => {
    expect(code).toMatch(/^CRT-[0-9A-Z]{10}$/);
    const verified = await call(undefined, `/api/training/certificates/${code}`);
    expect(verified.status).toBe(200);
    expect(verified.body.certificate).toMatchObject({
      code,
      memberName: 'សុខ ស្រីពៅ',
      cboNameKm: 'សហគមន៍នេសាទឯកភ្នំ',
      moduleId: 'human_rights',
      moduleTitleEn: expect.any(String),
      moduleTitleKm: expect.any(String),
      trainerNames: ['Test trainer'],
      sessionDate: expect.any(String),
      issuedAt: expect.any(String),
    });
    // Typed by hand: small letters and without its dash.
    const typed = await call(undefined, `/api/training/certificates/${code.replace('-', '').toLowerCase()}`);
    expect(typed.status).toBe(200);
    expect(typed.body.certificate.code).toBe(code);
    const unknown = await call(undefined, '/api/training/certificates/CRT-0000000000');
    expect(unknown.status).toBe(404);

    const holder = await call(members.a.token, `/api/training/certificates/${code}/holder`);
    expect(holder.status).toBe(200);
    expect(holder.body).toMatchObject({
      memberId: members.a.id,
      cboId: cboA,
      sessionId,
      certificate: { code },
    });
    expect((await as('coordinator', `/api/training/certificates/${code}/holder`)).status).toBe(200);
    const other = await call(members.b.token, `/api/training/certificates/${code}/holder`);
    expect([403, 404]).toContain(other.status);
  });

  it('gives a trainer a secret calendar feed of their sessions, which a new address replaces', async () => {
    const first = await as('trainer', '/api/training/me/calendar');
    expect(first.status).toBe(200);
    const path: string =
      first.body.path ?? (await as('trainer', '/api/training/me/calendar', { method: 'POST' })).body.path;
    expect(path).toMatch(/^\/api\/training\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const feed = await call(undefined, path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(feed.body).toContain('BEGIN:VCALENDAR');
    expect(feed.body).toContain(sessionId);

    const again = await as('trainer', '/api/training/me/calendar');
    expect(again.body).toMatchObject({ exists: true, token: null });
    const rotated = await as('trainer', '/api/training/me/calendar', { method: 'POST' });
    expect(rotated.status).toBe(200);
    expect(rotated.body.path).not.toBe(path);
    expect((await call(undefined, path)).status).toBe(404);
    expect((await call(undefined, rotated.body.path)).status).toBe(200);
  });
});
