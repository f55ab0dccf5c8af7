import { connect, type NatsConnection } from 'nats';
import {
  cancelTrainingSessionRun,
  completeTrainingSession,
  getCboTrainingProgress,
  getTrainerCalendarFeed,
  getTrainerCalendarToken,
  getTrainingAttendance,
  getTrainingCertificate,
  holdTrainingSession,
  inviteToTrainingSession,
  recordCboStage,
  recordTrainingAttendance,
  remindTrainingSession,
  rescheduleTrainingSession,
  verifyTrainingCertificate,
  type Caller,
  type Contract,
  type RequestOf,
  type ServiceName,
} from '@bandanh/contracts';
import { ANONYMOUS, createDatabase, NatsRpc, systemCaller } from '@bandanh/platform';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import * as trainingSchema from '../../training/src/db/schema';
import { STAFF, TestStack, type ApiCallInit } from './stack';

/**
 * A training session's run on the real training, identity and network services over NATS: the
 * subjects the session workflow calls (as the signed system caller `orchestrator`), and the
 * people-facing ones (signed by the gateway for people and visitors). Invitations in order
 * (completed CBOs left out), seats only for invited CBOs, a move refused then made, a
 * cancellation, holding, attendance and completion with certificates, every step once per
 * event id, progress, public verification, the trainer's calendar feed, and who may ask what.
 */
describe('a training session run', () => {
  let stack: TestStack;
  let nats: NatsConnection;
  let database: ReturnType<typeof createDatabase<typeof trainingSchema>>;
  const rpcs: Partial<Record<ServiceName, NatsRpc>> = {};
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const cbos: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };
  const members: Record<string, { token: string; id: string; cboId: string; name: string }> = {};
  const orchestrator = systemCaller('orchestrator');

  async function rpc(service: ServiceName): Promise<NatsRpc> {
    rpcs[service] ??= new NatsRpc(nats, stack.env.NATS_PREFIX, 10_000, await stack.keys.signer(service));
    return rpcs[service]!;
  }
  /** A training subject as the workflow calls it. */
  const system = async <C extends Contract>(contract: C, input: RequestOf<C>) =>
    (await rpc('orchestrator')).send(contract, input, orchestrator);
  /** A subject as the gateway asks it for `caller`. */
  const person = async <C extends Contract>(contract: C, input: RequestOf<C>, caller: Caller) =>
    (await rpc('gateway')).send(contract, input, caller);
  const staff = (role: keyof typeof ids): Caller => ({
    kind: 'staff',
    userId: ids[role],
    roles: [role as never],
  });
  const applicant = (key: string): Caller => ({
    kind: 'applicant',
    userId: members[key].id,
    cboId: members[key].cboId,
  });

  /** A call to the API; a POST gets an idempotency key of its own. */
  const call = (token: string | undefined, path: string, init: ApiCallInit = {}) =>
    stack.call(token, path, { ...init, key: init.method === 'POST' ? uniqueName('key') : undefined });
  const as = (who: string, path: string, init: ApiCallInit = {}) => call(tokens[who], path, init);
  const seat = (key: string, sessionId: string) =>
    call(members[key].token, `/api/training/sessions/${sessionId}/seat`, { method: 'POST' });

  /** A member signed up and linked by a code to `cboId`. */
  async function member(key: string, cboId: string) {
    const name = `Member ${key}`;
    const signedUp = await call(undefined, '/api/auth/sign-up', {
      method: 'POST',
      json: {
        email: `${uniqueName(`run-${key}`)}@example.org`,
        displayName: name,
        password: 'a long member passphrase',
      },
    });
    const token = signedUp.body.session.token as string;
    const { body: issued } = await as('coordinator', `/api/cbos/${cboId}/link-codes`, {
      method: 'POST',
      json: {},
    });
    const linked = await call(token, '/api/me/cbo-link', { method: 'POST', json: { code: issued.code } });
    expect(linked.body.account.cboId).toBe(cboId);
    members[key] = { token, id: linked.body.account.id as string, cboId, name };
  }

  async function schedule(startsAt: string, endsAt: string, provinceCode: string): Promise<string> {
    const created = await as('coordinator', '/api/training/sessions', {
      method: 'POST',
      json: {
        moduleId: 'human_rights',
        trainerIds: [ids.trainer],
        startsAt,
        endsAt,
        venue: {
          kind: 'place',
          provinceCode,
          district: 'Central',
          commune: 'Svay Por',
          place: 'Pagoda hall',
        },
        capacity: 10,
        minimumAttendance: 1,
        language: 'km',
      },
    });
    expect(created.status).toBe(201);
    return created.body.session.id as string;
  }

  /** The notifications the training outbox holds, by kind (and session where given). */
  async function outboxMessages(kind: string): Promise<any[]> {
    const rows = await database.sql<{ payload: any }[]>`
      select payload from training.outbox
      where subject = 'orchestrator.notification.send' and payload->>'kind' = ${kind}`;
    return rows.map((row) => row.payload);
  }
  async function outboxCount(subject: string, cboId?: string): Promise<number> {
    const rows = await database.sql<{ n: number }[]>`
      select count(*)::int as n from training.outbox
      where subject = ${subject} and (${cboId ?? null}::text is null or payload->>'cboId' = ${cboId ?? null})`;
    return rows[0].n;
  }

  let s1: string;

  beforeAll(async () => {
    stack = await TestStack.start('training-run');
    nats = await connect({ servers: 'nats://127.0.0.1:4222' });
    database = createDatabase(stack.env.DATABASE_URL, trainingSchema, { max: 2 });
    for (const role of ['admin', 'coordinator', 'trainer', 'assessor', 'finance'] as const) {
      tokens[role] = await stack.tokenFor(STAFF[role]);
      ids[role] = (await as(role, '/api/auth/me')).body.account.id;
    }
    const saved = await as('coordinator', `/api/training/trainers/${ids.trainer}`, {
      method: 'PUT',
      json: {
        moduleIds: ['human_rights'],
        provinceCodes: ['KH-2', 'KH-17'],
        windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '07:00', end: '18:00' })),
        exceptions: [],
      },
    });
    expect(saved.status).toBe(200);
    const record = (name: string, provinceCode: string) =>
      stack.recordCbo({ name, provinceCode, focusIssues: ['fisheries'], foundVia: 'field_visit' });
    cbos.a = (await record('Bavel Youth', 'KH-2')).id;
    cbos.b = (await record('Angkor Fishers', 'KH-17')).id;
    cbos.c = (await record('Ek Phnom Farmers', 'KH-2')).id;
    cbos.d = (await record('Kamrieng Forest Guards', 'KH-2')).id;
    // A, B and C are participants (as their pipelines would record); D is still being assessed.
    // Each pipeline first records its assessment stage: wait for it, so it does not come after.
    await waitFor(
      async () => {
        const { body } = await as('coordinator', '/api/cbos?limit=100');
        const stages = body.items.map((c: any) => c.stage);
        return stages.length === 4 && stages.every((s: string) => s === 'assessment') ? true : undefined;
      },
      { what: 'the pipelines at assessment' },
    );
    for (const id of [cbos.a, cbos.b, cbos.c]) {
      await system(recordCboStage, { id, stage: 'participant' });
    }
    await member('a1', cbos.a);
    await member('a2', cbos.a);
    await member('b1', cbos.b);
    await member('c1', cbos.c);
    await member('d1', cbos.d);
  });

  afterAll(async () => {
    await database?.close();
    await nats?.drain();
    await stack?.stop();
  });

  it('invites the participants, the session province first, once per event, and tells their members', async () => {
    // Siem Reap (KH-17): B there first, then A and C by name.
    s1 = await schedule('2036-02-06T02:00:00.000Z', '2036-02-06T05:00:00.000Z', 'KH-17');
    const first = await system(inviteToTrainingSession, { sessionId: s1, eventId: `test:${s1}:invite` });
    expect(first.invitedCboIds).toEqual([cbos.b, cbos.a, cbos.c]);
    const again = await system(inviteToTrainingSession, { sessionId: s1, eventId: `test:${s1}:invite` });
    expect(again).toEqual(first);
    const invitations = (await outboxMessages('training_invitation')).filter((m) => m.key.includes(s1));
    expect(invitations.map((m) => m.recipient.userId).sort()).toEqual(
      [members.a1.id, members.a2.id, members.b1.id, members.c1.id].sort(),
    );
    expect(new Set(invitations.map((m) => m.key)).size).toBe(4);
    expect(invitations.find((m) => m.recipient.userId === members.b1.id)).toMatchObject({
      kind: 'training_invitation',
      cboId: cbos.b,
      params: expect.objectContaining({
        name: 'Member b1',
        cboNameEn: 'Angkor Fishers',
        moduleEn: 'Human rights',
        startsAt: '2036-02-06T02:00:00.000Z',
        link: expect.stringContaining('/my-cbo'),
      }),
    });
    // The trainer was told of the new session, and its workflow was asked to start.
    expect((await outboxMessages('training_assigned')).filter((m) => m.key.includes(s1))).toHaveLength(1);
    const starts = await database.sql<{ payload: any }[]>`
      select payload from training.outbox where subject = 'orchestrator.training.session.start'
      and payload->>'sessionId' = ${s1}`;
    expect(starts).toHaveLength(1);
    expect(starts[0].payload).toMatchObject({ moduleId: 'human_rights', trainerIds: [ids.trainer] });
  });

  it('refuses the session subjects to anyone but the orchestrator', async () => {
    await expect(
      (await rpc('training')).send(
        inviteToTrainingSession,
        { sessionId: s1, eventId: 'test:not-me' },
        systemCaller('training'),
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(person(holdTrainingSession, { sessionId: s1 }, staff('admin'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(person(completeTrainingSession, { sessionId: s1 }, applicant('a1'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      system(inviteToTrainingSession, {
        sessionId: '00000000-0000-4000-8000-000000000000',
        eventId: 'test:none',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('gives seats only to members of invited CBOs, and tells the member and the pipeline once', async () => {
    const refused = await seat('d1', s1);
    expect(refused.status).toBe(409);
    expect(refused.body.details).toEqual({ reason: 'not_invited' });
    for (const key of ['a1', 'a2', 'b1', 'c1']) {
      const taken = await seat(key, s1);
      expect(taken.status).toBe(201);
      expect(taken.body.seat.status).toBe('confirmed');
    }
    const seats = (await outboxMessages('training_seat')).filter((m) => m.key.includes(s1));
    expect(seats).toHaveLength(4);
    expect(seats[0].params).toMatchObject({ status: 'confirmed', position: 0 });
    // A CBO's first confirmed seat tells its pipeline; A's second seat does not again.
    expect(await outboxCount('orchestrator.pipeline.trainingStarted', cbos.a)).toBe(1);
    expect(await outboxCount('orchestrator.pipeline.trainingStarted', cbos.b)).toBe(1);
    expect(await outboxCount('orchestrator.pipeline.trainingStarted', cbos.d)).toBe(0);
    // The session's answer counts its seats.
    const shown = await as('coordinator', `/api/training/sessions/${s1}`);
    expect(shown.body.session.seats).toEqual({ confirmed: 4, waitlisted: 0 });
  });

  it('reminds the invitees once per event', async () => {
    const input = { sessionId: s1, eventId: `test:${s1}:remind:3d`, lead: '3 days' };
    expect(await system(remindTrainingSession, input)).toEqual({ notified: 4 });
    expect(await system(remindTrainingSession, input)).toEqual({ notified: 0 });
    expect((await outboxMessages('training_reminder')).filter((m) => m.key.includes(s1))).toHaveLength(4);
  });

  it('refuses a move the scheduling rules refuse, with the reason, and makes an allowed one once', async () => {
    await expect(
      system(rescheduleTrainingSession, {
        sessionId: s1,
        eventId: `test:${s1}:move:bad`,
        // 19:00–21:00 in Phnom Penh: outside the trainer's windows.
        startsAt: '2036-02-07T12:00:00.000Z',
        endsAt: '2036-02-07T14:00:00.000Z',
        movedBy: ids.coordinator,
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: expect.objectContaining({ reason: 'outside_availability' }),
    });
    const move = {
      sessionId: s1,
      eventId: `test:${s1}:move:1`,
      startsAt: '2036-02-08T02:00:00.000Z',
      endsAt: '2036-02-08T05:00:00.000Z',
      movedBy: ids.coordinator,
    };
    const moved = await system(rescheduleTrainingSession, move);
    expect(moved.session).toMatchObject({ id: s1, startsAt: move.startsAt, endsAt: move.endsAt });
    expect(await system(rescheduleTrainingSession, move)).toEqual(moved);
    const told = (await outboxMessages('training_moved')).filter((m) => m.key.includes(move.eventId));
    // The four invited members and the trainer, once each.
    expect(told.map((m) => m.recipient.userId).sort()).toEqual(
      [members.a1.id, members.a2.id, members.b1.id, members.c1.id, ids.trainer].sort(),
    );
    expect(told[0].params).toMatchObject({
      oldStartsAt: '2036-02-06T02:00:00.000Z',
      startsAt: '2036-02-08T02:00:00.000Z',
    });
  });

  it('cancels a session once, telling everyone invited, and closes its seats', async () => {
    const s3 = await schedule('2036-03-05T02:00:00.000Z', '2036-03-05T05:00:00.000Z', 'KH-2');
    await system(inviteToTrainingSession, { sessionId: s3, eventId: `test:${s3}:invite` });
    const input = {
      sessionId: s3,
      eventId: `test:${s3}:cancel`,
      reason: 'Flooded roads',
      cancelledBy: ids.coordinator,
    };
    const cancelled = await system(cancelTrainingSessionRun, input);
    expect(cancelled.session).toMatchObject({ id: s3, status: 'cancelled' });
    expect(await system(cancelTrainingSessionRun, input)).toEqual(cancelled);
    const told = (await outboxMessages('training_cancelled')).filter((m) => m.key.includes(s3));
    expect(told).toHaveLength(5);
    expect(told[0].params).toMatchObject({ reason: 'Flooded roads' });
    const closed = await seat('a1', s3);
    expect(closed.status).toBe(409);
    expect(closed.body.details).toEqual({ reason: 'session_closed' });
    await expect(system(holdTrainingSession, { sessionId: s3 })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: expect.objectContaining({ reason: 'session_cancelled' }),
    });
  });

  it('shows the attendance sheet to the session trainer and coordinators only', async () => {
    const sheet = await person(getTrainingAttendance, { sessionId: s1 }, staff('trainer'));
    expect(sheet.marks).toBeNull();
    expect(sheet.module).toMatchObject({ id: 'human_rights' });
    expect(sheet.trainerNames).toEqual(['Test trainer']);
    expect(sheet.expected.map((e) => e.memberName).sort()).toEqual([
      'Member a1',
      'Member a2',
      'Member b1',
      'Member c1',
    ]);
    expect(sheet.expected.find((e) => e.memberId === members.b1.id)).toMatchObject({
      cboName: 'Angkor Fishers',
    });
    await expect(
      person(getTrainingAttendance, { sessionId: s1 }, staff('coordinator')),
    ).resolves.toBeTruthy();
    await expect(person(getTrainingAttendance, { sessionId: s1 }, staff('assessor'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(person(getTrainingAttendance, { sessionId: s1 }, applicant('a1'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const other: Caller = { kind: 'staff', userId: ids.assessor, roles: ['trainer'] };
    await expect(person(getTrainingAttendance, { sessionId: s1 }, other)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'not_session_trainer' },
    });
  });

  let codes: string[] = [];

  it('holds, records the attendance of the expected members only, and completes once with certificates', async () => {
    const held = await system(holdTrainingSession, { sessionId: s1 });
    expect(held.memberIds).toEqual([members.a1.id, members.a2.id, members.b1.id, members.c1.id].sort());
    expect(await system(holdTrainingSession, { sessionId: s1 })).toEqual(held);
    // Too late to take a seat now: a member enrolled after the session is never marked.
    expect((await seat('d1', s1)).body.details).toEqual({ reason: 'session_closed' });

    const marks = [
      { memberId: members.a1.id, mark: 'present' as const },
      { memberId: members.a2.id, mark: 'absent' as const },
      { memberId: members.b1.id, mark: 'excused' as const },
      { memberId: members.c1.id, mark: 'late' as const },
    ];
    await expect(
      system(recordTrainingAttendance, {
        sessionId: s1,
        eventId: `test:${s1}:attendance:short`,
        recordedBy: ids.trainer,
        marks: [...marks.slice(1), { memberId: members.d1.id, mark: 'present' }],
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: {
        reason: 'attendees_mismatch',
        unexpected: [members.d1.id],
        missing: [members.a1.id],
        duplicated: [],
      },
    });
    const input = { sessionId: s1, eventId: `test:${s1}:attendance`, recordedBy: ids.trainer, marks };
    expect(await system(recordTrainingAttendance, input)).toEqual({ recorded: 4 });
    expect(await system(recordTrainingAttendance, input)).toEqual({ recorded: 4 });
    await expect(
      system(recordTrainingAttendance, { ...input, eventId: `test:${s1}:attendance:again` }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'attendance_recorded' } });

    const completed = await system(completeTrainingSession, {
      sessionId: s1,
      eventId: `test:${s1}:complete`,
    });
    const required = ['advocacy', 'human_rights', 'monitoring_documentation', 'organisational_development'];
    expect(completed.completed).toEqual(
      [
        { cboId: cbos.a, completedModuleIds: ['human_rights'], requiredModuleIds: required },
        { cboId: cbos.c, completedModuleIds: ['human_rights'], requiredModuleIds: required },
      ].sort((x, y) => (x.cboId < y.cboId ? -1 : 1)),
    );
    expect(await system(completeTrainingSession, { sessionId: s1, eventId: `test:${s1}:complete` })).toEqual(
      completed,
    );
    const certificates = await database.sql<{ code: string; member_user_id: string }[]>`
      select code, member_user_id from training.certificates where session_id = ${s1}`;
    expect(certificates.map((c) => c.member_user_id).sort()).toEqual([members.a1.id, members.c1.id].sort());
    codes = certificates.map((c) => c.code);
    const told = (await outboxMessages('training_certificate')).filter((m) => m.key.includes(s1));
    expect(told.map((m) => m.params.code).sort()).toEqual([...codes].sort());

    const sheet = await person(getTrainingAttendance, { sessionId: s1 }, staff('coordinator'));
    expect(sheet.marks?.length).toBe(4);
    expect(sheet.recordedBy).toBe(ids.trainer);
  });

  it('leaves out of the next invitations the CBOs that completed the module', async () => {
    const s2 = await schedule('2036-04-02T02:00:00.000Z', '2036-04-02T05:00:00.000Z', 'KH-2');
    const invited = await system(inviteToTrainingSession, { sessionId: s2, eventId: `test:${s2}:invite` });
    expect(invited.invitedCboIds).toEqual([cbos.b]);
    expect((await seat('a1', s2)).body.details).toEqual({ reason: 'not_invited' });
  });

  it("shows a CBO's progress to its own members and to staff", async () => {
    const progress = await person(getCboTrainingProgress, { cboId: cbos.a }, applicant('a1'));
    expect(progress).toMatchObject({ requiredDone: 1, requiredTotal: 4 });
    expect(progress.modules.find((m) => m.moduleId === 'human_rights')).toMatchObject({
      completed: true,
      completedAt: expect.any(String),
    });
    expect(progress.certificates.map((c) => c.memberName)).toEqual(['Member a1']);
    const forB = await person(getCboTrainingProgress, { cboId: cbos.b }, applicant('b1'));
    expect(forB.requiredDone).toBe(0);
    expect(forB.sessions[0]).toMatchObject({ invited: true, module: { id: 'human_rights' }, seat: null });
    await expect(person(getCboTrainingProgress, { cboId: cbos.a }, applicant('b1'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      person(getCboTrainingProgress, { cboId: cbos.a }, staff('coordinator')),
    ).resolves.toMatchObject({
      requiredDone: 1,
    });
    await expect(person(getCboTrainingProgress, { cboId: cbos.a }, staff('finance'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('verifies a certificate for anyone, every field, and gives it to its member and their CBO', async () => {
    const code = codes[0];
    const { certificate } = await person(verifyTrainingCertificate, { code: code.toLowerCase() }, ANONYMOUS);
    expect(certificate).toMatchObject({
      code,
      moduleId: 'human_rights',
      moduleTitleEn: 'Human rights',
      trainerNames: ['Test trainer'],
      language: 'km',
      sessionDate: '2036-02-08T02:00:00.000Z',
    });
    expect(['Member a1', 'Member c1']).toContain(certificate.memberName);
    expect(['Bavel Youth', 'Ek Phnom Farmers']).toContain(certificate.cboName);
    await expect(
      person(verifyTrainingCertificate, { code: 'CRT-0000000000' }, ANONYMOUS),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(person(verifyTrainingCertificate, { code: 'not a code' }, ANONYMOUS)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const owner = certificate.memberName === 'Member a1' ? 'a1' : 'c1';
    const got = await person(getTrainingCertificate, { code }, applicant(owner));
    expect(got).toMatchObject({ certificate, sessionId: s1 });
    await expect(person(getTrainingCertificate, { code }, applicant('b1'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(person(getTrainingCertificate, { code }, ANONYMOUS)).rejects.toMatchObject({
      code: expect.stringMatching(/UNAUTHENTICATED|FORBIDDEN/),
    });
  });

  it("serves a trainer's calendar by a secret token, shown once, and ends the old one on rotating", async () => {
    const first = await person(getTrainerCalendarToken, {}, staff('trainer'));
    expect(first.token).toEqual(expect.any(String));
    expect(first.path).toBe(`/api/training/calendar/${first.token}.ics`);
    const later = await person(getTrainerCalendarToken, {}, staff('trainer'));
    expect(later).toMatchObject({ token: null, exists: true });
    const { ics } = await person(getTrainerCalendarFeed, { token: first.token! }, ANONYMOUS);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain(`UID:training-session-${s1}@bandanh\r\n`);
    expect(ics).toContain('DTSTART:20360208T020000Z\r\n');
    expect(ics).toContain('DTEND:20360208T050000Z\r\n');
    expect(ics).toContain('SUMMARY:Human rights / ');
    expect(ics).toContain('LOCATION:Pagoda hall\\, Svay Por\\, Central\\, Siem Reap');
    expect(ics).toContain('STATUS:CANCELLED');
    const rotated = await person(getTrainerCalendarToken, { rotate: true }, staff('trainer'));
    expect(rotated.token).not.toBe(first.token);
    await expect(person(getTrainerCalendarFeed, { token: first.token! }, ANONYMOUS)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(person(getTrainerCalendarFeed, { token: rotated.token! }, ANONYMOUS)).resolves.toBeTruthy();
    await expect(person(getTrainerCalendarToken, {}, staff('coordinator'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('writes every step of the run to the audit log', async () => {
    const actions = await waitFor(
      async () => {
        const search = new URLSearchParams({ targetType: 'training_session', targetId: s1 });
        const { body } = await as('admin', `/api/admin/audit?${search}&limit=100`);
        const found: string[] = body.items.map((e: any) => e.action);
        return found.includes('training.session.complete') ? found : undefined;
      },
      { what: 'the run audit entries' },
    );
    for (const action of [
      'training.session.invite',
      'training.session.reschedule',
      'training.session.hold',
      'training.session.recordAttendance',
      'training.session.complete',
    ]) {
      expect(actions.filter((a) => a === action)).toHaveLength(1);
    }
  });
});
