import { connect, type NatsConnection } from 'nats';
import { inviteToTrainingSession, recordCboStage, type Contract, type RequestOf } from '@bandanh/contracts';
import { NatsRpc, systemCaller } from '@bandanh/platform';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { STAFF, TestStack, type ApiCallInit } from './stack';

/**
 * Finding a slot and taking seats at a session, through the gateway over HTTP with the real
 * training service: bad ranges refused with their field, twenty members confirming at once for
 * ten seats, a decline promoting the first waitlisted, a repeat confirmation creating nothing.
 */
describe('training slots and seats', () => {
  let stack: TestStack;
  let nats: NatsConnection;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const members: { token: string; id: string; cboId: string }[] = [];

  /** A call to the API; a POST gets an idempotency key of its own. */
  const call = (token: string | undefined, path: string, init: ApiCallInit = {}) =>
    stack.call(token, path, { ...init, key: init.method === 'POST' ? uniqueName('key') : undefined });
  const as = (who: string, path: string, init: ApiCallInit = {}) => call(tokens[who], path, init);
  const pathsOf = (body: any) => (body.details?.issues ?? []).map((issue: any) => issue.path);

  /** A member signed up and linked by a code to `cboId`. */
  async function member(n: number, cboId: string) {
    const email = `${uniqueName(`member-${n}`)}@example.org`;
    const signedUp = await call(undefined, '/api/auth/sign-up', {
      method: 'POST',
      json: { email, displayName: `Member ${n}`, password: 'a long member passphrase' },
    });
    const token = signedUp.body.session.token as string;
    const { body: issued } = await as('coordinator', `/api/cbos/${cboId}/link-codes`, {
      method: 'POST',
      json: {},
    });
    const linked = await call(token, '/api/me/cbo-link', { method: 'POST', json: { code: issued.code } });
    expect(linked.body.account.cboId).toBe(cboId);
    return { token, id: linked.body.account.id as string, cboId };
  }

  let sessionId: string;
  /** The seven participant CBOs, all invited to the session. */
  const cbos: string[] = [];

  /** A subject as the session workflow (the orchestrator) calls it. */
  async function asOrchestrator<C extends Contract>(contract: C, input: RequestOf<C>) {
    const rpc = new NatsRpc(nats, stack.env.NATS_PREFIX, 10_000, await stack.keys.signer('orchestrator'));
    return rpc.send(contract, input, systemCaller('orchestrator'));
  }

  beforeAll(async () => {
    stack = await TestStack.start('training-seats');
    nats = await connect({ servers: 'nats://127.0.0.1:4222' });
    for (const role of ['admin', 'coordinator', 'trainer', 'assessor'] as const) {
      tokens[role] = await stack.tokenFor(STAFF[role]);
      ids[role] = (await as(role, '/api/auth/me')).body.account.id;
    }
    const saved = await as('coordinator', `/api/training/trainers/${ids.trainer}`, {
      method: 'PUT',
      json: {
        moduleIds: ['human_rights'],
        provinceCodes: ['KH-2'],
        windows: [{ weekday: 5, start: '08:00', end: '12:00' }],
        exceptions: [],
      },
    });
    expect(saved.status).toBe(200);
    const names = [
      'Chong Kneas Fishers',
      'Prek Toal Women',
      'Ek Phnom Farmers',
      'Bavel Youth',
      'Sangke River Keepers',
      'Thma Koul Weavers',
      'Kamrieng Forest Guards',
    ];
    for (let n = 0; n < 7; n += 1) {
      cbos.push(
        (
          await stack.recordCbo({
            name: names[n],
            provinceCode: 'KH-2',
            focusIssues: ['fisheries'],
            foundVia: 'field_visit',
          })
        ).id,
      );
    }
    // Participants, as their pipelines would record: the CBOs invited to sessions. Each
    // pipeline first records its assessment stage: wait for it, so it does not come after.
    await waitFor(
      async () => {
        const { body } = await as('coordinator', '/api/cbos?limit=100');
        const stages = body.items.map((c: any) => c.stage);
        return stages.length === 7 && stages.every((s: string) => s === 'assessment') ? true : undefined;
      },
      { what: 'the pipelines at assessment' },
    );
    for (const id of cbos) await asOrchestrator(recordCboStage, { id, stage: 'participant' });
    // Twenty members of seven CBOs: at most three of one CBO, the default limit per CBO.
    for (let n = 0; n < 20; n += 1) members.push(await member(n, cbos[n % 7]));
  });

  afterAll(async () => {
    await nats?.drain();
    await stack?.stop();
  });

  it('finds the free slots of a qualified trainer, for staff and trainers only', async () => {
    // Friday 4 and 11 January 2036: 08:00–12:00 windows; a 4-hour module fits once a day.
    const query = 'moduleId=human_rights&provinceCode=KH-2&from=2036-01-04&to=2036-01-11&durationMinutes=180';
    const found = await as('trainer', `/api/training/slots?${query}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((s: any) => s.start)).toEqual([
      '2036-01-04T01:00:00.000Z',
      '2036-01-04T01:30:00.000Z',
      '2036-01-04T02:00:00.000Z',
      '2036-01-11T01:00:00.000Z',
      '2036-01-11T01:30:00.000Z',
      '2036-01-11T02:00:00.000Z',
    ]);
    expect(found.body.items[0].trainerIds).toEqual([ids.trainer]);
    expect(
      (
        await as(
          'admin',
          '/api/training/slots?moduleId=human_rights&provinceCode=KH-17&from=2036-01-04&to=2036-01-11',
        )
      ).body.items,
    ).toEqual([]);
    expect((await as('assessor', `/api/training/slots?${query}`)).status).toBe(403);
    expect((await call(members[0].token, `/api/training/slots?${query}`)).status).toBe(403);
  });

  it('refuses a backwards or too long range, naming the field', async () => {
    const backwards = await as(
      'coordinator',
      '/api/training/slots?moduleId=human_rights&provinceCode=KH-2&from=2036-01-11&to=2036-01-04',
    );
    expect(backwards.status).toBe(400);
    expect(pathsOf(backwards.body)).toEqual(['to']);
    const long = await as(
      'coordinator',
      '/api/training/slots?moduleId=human_rights&provinceCode=KH-2&from=2036-01-01&to=2037-01-02',
    );
    expect(long.status).toBe(400);
    expect(pathsOf(long.body)).toEqual(['to']);
    const bad = await as(
      'coordinator',
      '/api/training/slots?moduleId=human_rights&provinceCode=KH-2&from=soon',
    );
    expect(bad.status).toBe(400);
    expect(pathsOf(bad.body)).toEqual(expect.arrayContaining(['from', 'to']));
  });

  it('gives ten seats and ten waitlist places to twenty members confirming at once', async () => {
    const created = await as('coordinator', '/api/training/sessions', {
      method: 'POST',
      json: {
        moduleId: 'human_rights',
        trainerIds: [ids.trainer],
        startsAt: '2036-01-04T01:00:00.000Z',
        endsAt: '2036-01-04T04:00:00.000Z',
        venue: {
          kind: 'place',
          provinceCode: 'KH-2',
          district: 'Battambang',
          commune: 'Svay Por',
          place: 'Hall',
        },
        capacity: 10,
        minimumAttendance: 2,
        language: 'km',
      },
    });
    expect(created.status).toBe(201);
    sessionId = created.body.session.id;
    // Seats are for the members of invited CBOs: the session workflow invites them.
    await asOrchestrator(inviteToTrainingSession, { sessionId, eventId: `test:${sessionId}:invite` });
    expect(
      (await as('coordinator', `/api/training/sessions/${sessionId}/seat`, { method: 'POST' })).status,
    ).toBe(403);

    const unlinked = await call(
      (
        await call(undefined, '/api/auth/sign-up', {
          method: 'POST',
          json: {
            email: `${uniqueName('unlinked')}@example.org`,
            displayName: 'Unlinked',
            password: 'a long member passphrase',
          },
        })
      ).body.session.token,
      `/api/training/sessions/${sessionId}/seat`,
      { method: 'POST' },
    );
    expect(unlinked.status).toBe(409);
    expect(unlinked.body.details).toEqual({ reason: 'not_linked_to_cbo' });

    const answers = await Promise.all(
      members.map((m) => call(m.token, `/api/training/sessions/${sessionId}/seat`, { method: 'POST' })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const statuses = answers.map((a) => a.body.seat.status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(10);
    expect(
      answers
        .filter((a) => a.body.seat.status === 'waitlisted')
        .map((a) => a.body.seat.position)
        .sort((a: number, b: number) => a - b),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    // Asking again changes nothing.
    const again = await call(members[0].token, `/api/training/sessions/${sessionId}/seat`, {
      method: 'POST',
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...answers[0].body, created: false });
  });

  it('gives a declined seat to the first waitlisted, and writes both down', async () => {
    const seats = await Promise.all(
      members.map((m) => call(m.token, `/api/training/sessions/${sessionId}/seat`, { method: 'POST' })),
    );
    const holder = members[seats.findIndex((a) => a.body.seat.status === 'confirmed')];
    const first = members[seats.findIndex((a) => a.body.seat.position === 1)];
    const second = members[seats.findIndex((a) => a.body.seat.position === 2)];

    const declined = await call(holder.token, `/api/training/sessions/${sessionId}/seat`, {
      method: 'DELETE',
    });
    expect(declined.status).toBe(200);
    expect(declined.body.seat).toMatchObject({ memberId: holder.id, status: 'declined' });
    expect(declined.body.promoted).toEqual([
      expect.objectContaining({ memberId: first.id, status: 'confirmed', promotedAt: expect.any(String) }),
    ]);
    const now = await call(second.token, `/api/training/sessions/${sessionId}/seat`, { method: 'POST' });
    expect(now.body).toMatchObject({ created: false, seat: { status: 'waitlisted', position: 1 } });

    // Declining again changes nothing more; an unknown session answers 404.
    const twice = await call(holder.token, `/api/training/sessions/${sessionId}/seat`, { method: 'DELETE' });
    expect(twice.body.promoted).toEqual([]);
    expect(
      (
        await call(members[0].token, `/api/training/sessions/00000000-0000-4000-8000-000000000000/seat`, {
          method: 'DELETE',
        })
      ).status,
    ).toBe(404);

    const entries = await waitFor(
      async () => {
        const search = new URLSearchParams({ targetType: 'training_session', targetId: sessionId });
        const { body } = await as('admin', `/api/admin/audit?${search}&limit=100`);
        const actions = body.items.map((e: any) => e.action);
        return actions.includes('training.seat.promote') &&
          actions.filter((a: string) => a === 'training.seat.confirm').length >= 20
          ? body.items
          : undefined;
      },
      { what: 'the seat audit entries' },
    );
    expect(entries.find((e: any) => e.action === 'training.seat.decline')).toMatchObject({
      actorId: holder.id,
    });
    expect(entries.filter((e: any) => e.action === 'training.seat.confirm')).toHaveLength(20);
  });

  it('lets an invited member say no before asking for a seat, and change their mind later', async () => {
    const late = await member(20, cbos[6]);
    const seat = `/api/training/sessions/${sessionId}/seat`;
    const no = await call(late.token, seat, { method: 'DELETE' });
    expect(no.status).toBe(200);
    expect(no.body).toEqual({
      seat: expect.objectContaining({ memberId: late.id, status: 'declined' }),
      promoted: [],
    });
    // Saying no again changes nothing; asking afterwards puts them on the full session's waitlist.
    expect((await call(late.token, seat, { method: 'DELETE' })).body.seat.status).toBe('declined');
    const yes = await call(late.token, seat, { method: 'POST' });
    expect(yes.status).toBe(201);
    expect(yes.body).toMatchObject({ created: true, seat: { status: 'waitlisted' } });
    const search = new URLSearchParams({ targetType: 'training_session', targetId: sessionId, limit: '100' });
    const declines = await waitFor(
      async () => {
        const { body } = await as('admin', `/api/admin/audit?${search}`);
        const mine = body.items.filter(
          (e: any) => e.action === 'training.seat.decline' && e.actorId === late.id,
        );
        return mine.length ? mine : undefined;
      },
      { what: "the late member's decline in the audit log" },
    );
    expect(declines).toHaveLength(1);
  });
});
