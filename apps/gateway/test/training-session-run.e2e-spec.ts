import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { connect, type NatsConnection } from 'nats';
import {
  signalTrainingStarted,
  startTrainingSession,
  trainingSessionRunWorkflowId,
} from '@bandanh/contracts';
import { NatsRpc, systemCaller } from '@bandanh/platform';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { freePort, startMailpit, type Mailbox, type MailMessage } from './mail';
import { STAFF, TestStack, type ApiCallInit } from './stack';

const WEB_URL = 'https://bandanh.example.org';
/** The reminder goes out this long before the start (TRAINING_REMINDER_LEADS). */
const LEAD = '6s';
const training = systemCaller('training');

/** An instant `seconds` from now (ISO). */
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

/**
 * A training session's run, end to end on the real Temporal, NATS, PostgreSQL and Mailpit: the
 * session created through the gateway starts its workflow once, its invitations reach the
 * members of the participant CBOs in their language, the first confirmed seat moves the CBO's
 * pipeline to `training`, a move the scheduling rules refuse comes back with their reason and
 * changes nothing, an accepted move tells the invitees, the reminder goes out its lead before the
 * new start, the session held opens the trainer's attendance task, and the attendance completes
 * the session, issues the certificate and moves the pipeline to `grant_eligible`; a cancelled
 * session ends its run and tells its invitees.
 */
describe("a training session's run, through the gateway", () => {
  let stack: TestStack;
  let relay: { mailbox: Mailbox; stop: () => Promise<void> };
  let nats: NatsConnection;
  let temporal: Connection;
  let asTraining: NatsRpc;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  /** Two participant CBOs of Battambang, each with one member: English in the first, Khmer in the second. */
  const cbos: Array<{ id: string; member: { email: string; id: string; token: string } }> = [];

  /** A call to the API; a POST or PUT gets an idempotency key of its own. */
  const call = (token: string | undefined, path: string, init: ApiCallInit = {}) =>
    stack.call(token, path, {
      ...init,
      key: init.method === 'POST' || init.method === 'PUT' ? uniqueName('key') : undefined,
    });
  const as = (who: string, path: string, init: ApiCallInit = {}) => call(tokens[who], path, init);

  /** The message to `address` whose subject matches, once it has arrived. */
  async function mailTo(address: string, subject: RegExp, timeoutMs = 30_000): Promise<MailMessage> {
    const summary = await waitFor(
      async () => (await relay.mailbox.to(address)).find((message) => subject.test(message.Subject)),
      { what: `a message to ${address} with a subject like ${subject}`, timeoutMs },
    );
    return relay.mailbox.message(summary.ID);
  }

  /** The session's run, as the gateway shows it. */
  const runOf = async (sessionId: string) =>
    (await as('coordinator', `/api/training/sessions/${sessionId}/run`)).body;
  const waitForRun = (
    sessionId: string,
    state: string,
    timeoutMs = 30_000,
    also: (run: any) => boolean = () => true,
  ) =>
    waitFor(
      async () => {
        const run = await runOf(sessionId);
        return run.state === state && also(run) ? run : undefined;
      },
      { what: `the session's run ${state}`, timeoutMs },
    );
  const stageOf = async (cboId: string) =>
    (await as('coordinator', `/api/cbos/${cboId}/pipeline`)).body.stage;
  const waitForStage = (cboId: string, stage: string) =>
    waitFor(async () => ((await stageOf(cboId)) === stage ? stage : undefined), {
      what: `the pipeline of ${cboId} at ${stage}`,
      timeoutMs: 30_000,
    });

  /** A CBO of Battambang taken through its assessment and selected: a Network Participant. */
  async function participant(name: string): Promise<string> {
    const { id } = await stack.recordCbo({
      name: `${name} ${uniqueName('n')}`,
      provinceCode: 'KH-2',
      focusIssues: ['fisheries'],
      foundVia: 'field_visit',
      acknowledgeDuplicates: true,
    });
    await waitForStage(id, 'assessment');
    const { body: settings } = await as('coordinator', '/api/settings/network');
    const scores = Object.fromEntries(settings.settings.rubric.map((c: { key: string }) => [c.key, 3]));
    const assessed = await as('assessor', `/api/cbos/${id}/assessment`, {
      method: 'POST',
      json: {
        membersWomen: 9,
        membersMen: 7,
        ongoingActivities: 'Patrols of the flooded forest',
        plannedActivities: 'A fish sanctuary',
        ambitions: 'Fishing rights for the village',
        leadership: 'A committee of five',
        meetingsHeld: 6,
        recordsKept: true,
        registration: 'in_progress',
        risks: 'Illegal fishing lots',
        scores,
      },
    });
    expect(assessed.status).toBe(200);
    const decided = await as('approver', `/api/cbos/${id}/decision`, {
      method: 'POST',
      json: { outcome: 'selected' },
    });
    expect(decided.status).toBe(200);
    await waitForStage(id, 'participant');
    return id;
  }

  /** A member signed up in `locale` and linked by a code to `cboId`. */
  async function member(cboId: string, locale: 'km' | 'en') {
    const email = `${uniqueName(`member-${locale}`)}@session-run.test.bandanh.org`;
    const signedUp = await call(undefined, '/api/auth/sign-up', {
      method: 'POST',
      json: { email, displayName: `Member ${locale}`, password: 'a long member passphrase', locale },
    });
    expect(signedUp.status).toBe(201);
    const token = signedUp.body.session.token as string;
    const { body: issued } = await as('coordinator', `/api/cbos/${cboId}/link-codes`, {
      method: 'POST',
      json: {},
    });
    const linked = await call(token, '/api/me/cbo-link', { method: 'POST', json: { code: issued.code } });
    expect(linked.body.account.cboId).toBe(cboId);
    return { email, token, id: linked.body.account.id as string };
  }

  /** A session of human rights in Battambang with the stack's trainer, created through the gateway. */
  async function createSession(startsAt: string, endsAt: string, place: string) {
    const created = await as('coordinator', '/api/training/sessions', {
      method: 'POST',
      json: {
        moduleId: 'human_rights',
        trainerIds: [ids.trainer],
        startsAt,
        endsAt,
        venue: { kind: 'place', provinceCode: 'KH-2', district: 'Battambang', commune: 'Svay Por', place },
        capacity: 10,
        minimumAttendance: 1,
        language: 'km',
      },
    });
    expect(created.status).toBe(201);
    return created.body.session as { id: string; startsAt: string; endsAt: string };
  }

  beforeAll(async () => {
    // A Mailpit of its own: every message in it is this test's.
    const port = await freePort();
    relay = await startMailpit(port);
    stack = await TestStack.start('session-run', {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      TRAINING_REMINDER_LEADS: LEAD,
      WEB_URL,
    });
    for (const role of ['admin', 'coordinator', 'trainer', 'assessor', 'approver'] as const) {
      tokens[role] = await stack.tokenFor(STAFF[role]);
      ids[role] = (await as(role, '/api/auth/me')).body.account.id;
    }
    // The trainer teaches human rights in Battambang, any day at any hour.
    const saved = await as('coordinator', `/api/training/trainers/${ids.trainer}`, {
      method: 'PUT',
      json: {
        moduleIds: ['human_rights'],
        provinceCodes: ['KH-2'],
        windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
        exceptions: [],
      },
    });
    expect(saved.status).toBe(200);
    // Human rights is the only module this programme requires for grants.
    for (const moduleId of ['monitoring_documentation', 'advocacy', 'organisational_development']) {
      const { body } = await as('admin', `/api/training/modules/${moduleId}`);
      const { id: _id, updatedAt: _updatedAt, ...draft } = body.module ?? body;
      const put = await as('admin', `/api/training/modules/${moduleId}`, {
        method: 'PUT',
        json: { ...draft, requiredForGrants: false },
      });
      expect(put.status).toBe(200);
    }
    for (const [name, locale] of [
      ['Sangke River Keepers', 'en'],
      ['Thma Koul Weavers', 'km'],
    ] as const) {
      const id = await participant(name);
      cbos.push({ id, member: await member(id, locale) });
    }
    nats = await connect({ servers: 'nats://127.0.0.1:4222' });
    temporal = await Connection.connect({ address: stack.env.TEMPORAL_ADDRESS });
    asTraining = new NatsRpc(nats, stack.env.NATS_PREFIX, 10_000, await stack.keys.signer('training'));
  }, 120_000);

  afterAll(async () => {
    await nats?.drain();
    await temporal?.close();
    await stack?.stop();
    await relay?.stop();
  });

  it('runs a session from its invitations to its completion, and moves the pipelines', async () => {
    const [english, khmer] = cbos;
    // A session of 2036 with the same trainer: what the move below would double-book.
    const other = await createSession('2036-01-04T01:00:00.000Z', '2036-01-04T04:00:00.000Z', 'Pagoda hall');
    const session = await createSession(inSeconds(90), inSeconds(95), 'Community hall');

    // Its workflow runs, once: the start sent again by the training service starts nothing.
    const invited = await waitForRun(session.id, 'invited');
    expect(invited).toMatchObject({
      sessionId: session.id,
      workflowId: trainingSessionRunWorkflowId(session.id),
      startsAt: session.startsAt,
      nextReminder: { lead: LEAD },
    });
    const again = await asTraining.send(
      startTrainingSession,
      {
        sessionId: session.id,
        moduleId: 'human_rights',
        label: 'Human rights, Community hall',
        trainerIds: [ids.trainer],
        startsAt: session.startsAt,
        endsAt: session.endsAt,
      },
      training,
    );
    expect(again).toEqual({ workflowId: trainingSessionRunWorkflowId(session.id), started: false });
    const description = await new Client({ connection: temporal }).workflow
      .getHandle(trainingSessionRunWorkflowId(session.id))
      .describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.taskQueue).toBe(stack.env.TEMPORAL_TASK_QUEUE);

    // The invitations reach the members of both participant CBOs, each in their language.
    const invitationEn = await mailTo(english.member.email, /^Invitation/);
    expect(invitationEn.Subject).toContain('Human rights');
    const invitationKm = await mailTo(khmer.member.email, /^ការអញ្ជើញ/);
    expect(invitationKm.Subject).toMatch(/[០-៩]/);
    expect(invitationKm.Subject).not.toMatch(/[0-9]/);

    // The first confirmed seat of a CBO moves its pipeline from participant to training.
    const seat = await call(english.member.token, `/api/training/sessions/${session.id}/seat`, {
      method: 'POST',
    });
    expect(seat.status).toBe(201);
    expect(seat.body.seat.status).toBe('confirmed');
    await waitForStage(english.id, 'training');
    expect(await stageOf(khmer.id)).toBe('participant');

    // A move onto the other session's time is refused by the scheduling rules; nothing changes.
    const refused = await as('coordinator', `/api/training/sessions/${session.id}/move`, {
      method: 'POST',
      json: { startsAt: '2036-01-04T02:00:00.000Z', endsAt: '2036-01-04T03:00:00.000Z' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.details.reason).toBe('double_booked');
    expect(await runOf(session.id)).toMatchObject({ state: 'invited', startsAt: session.startsAt });
    // Someone who does not schedule sessions may not move it at all.
    const denied = await as('assessor', `/api/training/sessions/${session.id}/move`, {
      method: 'POST',
      json: { startsAt: inSeconds(60), endsAt: inSeconds(70) },
    });
    expect(denied.status).toBe(403);

    // A move the rules allow: sooner; the invitees are told.
    const startsAt = inSeconds(14);
    const endsAt = inSeconds(20);
    const moved = await as('coordinator', `/api/training/sessions/${session.id}/move`, {
      method: 'POST',
      json: { startsAt, endsAt },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ state: 'invited', startsAt, endsAt });
    const movedEn = await mailTo(english.member.email, /^Moved/);
    expect(movedEn.Text).toContain('It was:');

    // The reminder goes out its lead before the new start.
    const reminder = await mailTo(english.member.email, /^Reminder/);
    expect(reminder.Text).toContain('6 seconds');

    // Held at its end: the trainer's attendance task is in their inbox.
    const held = await waitForRun(session.id, 'held', 40_000, (run) => run.attendanceTaskId !== null);
    const task = await waitFor(
      async () =>
        (
          (await as('trainer', '/api/tasks')).body.items as Array<{
            id: string;
            kind: string;
            subjectId: string;
          }>
        ).find((item) => item.id === held.attendanceTaskId),
      { what: 'the attendance task in the inbox' },
    );
    expect(task).toMatchObject({ kind: 'take_attendance', subjectId: session.id });
    // Held, it can no longer be moved.
    const late = await as('coordinator', `/api/training/sessions/${session.id}/move`, {
      method: 'POST',
      json: { startsAt: inSeconds(60), endsAt: inSeconds(70) },
    });
    expect(late.status).toBe(409);
    expect(late.body.details.reason).toBe('already_held');

    // The attendance completes the session: the certificate, and the pipeline at grant_eligible.
    const recorded = await as('trainer', `/api/training/sessions/${session.id}/attendance`, {
      method: 'POST',
      json: { marks: [{ memberId: english.member.id, mark: 'present' }] },
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.state).toBe('attendance_recorded');
    await waitForRun(session.id, 'completed');
    await waitForStage(english.id, 'grant_eligible');
    expect(await stageOf(khmer.id)).toBe('participant');
    const certificate = await mailTo(english.member.email, /certificate/i);
    expect(certificate.Text).toMatch(/CRT-[0-9A-Z]{10}\b/);
    const closed = await as('trainer', '/api/tasks');
    expect(closed.body.items.map((item: { id: string }) => item.id)).not.toContain(held.attendanceTaskId);
    const twice = await as('trainer', `/api/training/sessions/${session.id}/attendance`, {
      method: 'POST',
      json: { marks: [{ memberId: english.member.id, mark: 'present' }] },
    });
    expect(twice.status).toBe(409);

    // The other session, cancelled: its run ends and its invitees are told why.
    await waitForRun(other.id, 'invited');
    const cancelled = await as('coordinator', `/api/training/sessions/${other.id}/cancel`, {
      method: 'POST',
      json: { reason: 'The road to the pagoda is flooded' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      state: 'cancelled',
      cancelReason: 'The road to the pagoda is flooded',
    });
    await waitFor(
      async () => {
        const ended = await new Client({ connection: temporal }).workflow
          .getHandle(trainingSessionRunWorkflowId(other.id))
          .describe();
        return ended.status.name === 'COMPLETED' ? true : undefined;
      },
      { what: "the cancelled session's workflow to end" },
    );
    const told = await mailTo(khmer.member.email, /^បានលុបចោល/);
    expect(told.Text).toContain('The road to the pagoda is flooded');
    const cancelledAgain = await as('coordinator', `/api/training/sessions/${other.id}/cancel`, {
      method: 'POST',
      json: { reason: 'Again' },
    });
    expect(cancelledAgain.status).toBe(409);
    expect(cancelledAgain.body.details.reason).toBe('session_cancelled');
  }, 180_000);

  it('answers signalled: false for the training start of a CBO without a pipeline', async () => {
    await expect(asTraining.send(signalTrainingStarted, { cboId: randomUUID() }, training)).resolves.toEqual({
      signalled: false,
    });
  });
});
