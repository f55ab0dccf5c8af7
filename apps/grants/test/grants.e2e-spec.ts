import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';
import postgres, { type Sql } from 'postgres';
import {
  assignGrantReviewers,
  beginGrantApplicationRun,
  createCbo,
  createGrantRound,
  declareRelationship,
  getGrantApplication,
  getGrantRound,
  listGrantApplications,
  listGrantRounds,
  listMyGrantReviews,
  recordAssessment,
  recordCboStage,
  recordGrantApplicationStage,
  recordGrantDecision,
  recordGrantReviewDeclaration,
  saveGrantApplication,
  startGrantApplication,
  submitGrantApplication,
  type Caller,
  type RequestOf,
} from '@bandanh/contracts';
import { DomainError, NatsRpc, systemCaller } from '@bandanh/platform';
import {
  createTestCallerKeys,
  createTestDatabase,
  uniqueName,
  type TestCallerKeys,
  type TestDatabase,
} from '@bandanh/platform/testing';
import { ensureAccounts, migrateIdentity, startIdentityService } from '../../identity/src/app';
import { loadIdentityConfig } from '../../identity/src/config/env';
import { anAssessmentDraft } from '../../network/src/assessments/assessments.fakes';
import { migrateNetwork, startNetworkService } from '../../network/src/app';
import { loadNetworkConfig } from '../../network/src/config/env';
import { migrateTraining, startTrainingService } from '../../training/src/app';
import { loadTrainingConfig } from '../../training/src/config/env';
import { migrateGrants, startGrantsService } from '../src/app';
import { loadGrantsConfig } from '../src/config/env';

/**
 * The grants service against the real database and NATS, with the identity, network and
 * training services it asks: callers signed as the gateway (people) and the orchestrator (the
 * application workflow's steps). No orchestrator runs: what the outbox sends it stays in the
 * outbox, where the test reads it.
 */

const PASSWORD = 'a long test passphrase';
const orchestrator = systemCaller('orchestrator');

/** A day `days` from today, YYYY-MM-DD: activities are planned ahead of the day the test runs. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const PLAN = {
  title: 'Land rights forum',
  objectives: 'Know the land law',
  description: 'Two days of meetings in the commune',
  provinceCode: 'KH-2',
  place: 'Pagoda hall',
  startsOn: inDays(40),
  endsOn: inDays(41),
  beneficiariesWomen: 30,
  beneficiariesMen: 20,
  expectedResults: 'Claims filed',
};
const line = (unitCost: number) => ({
  id: randomUUID(),
  category: 'venue' as const,
  description: 'Hall and sound',
  unitCost,
  quantity: 1,
  contribution: 0,
});

describe('the grants service', () => {
  let database: TestDatabase;
  let keys: TestCallerKeys;
  let sql: Sql;
  let nats: NatsConnection;
  let asGateway: NatsRpc;
  let asOrchestrator: NatsRpc;
  const apps: INestMicroservice[] = [];
  let ids: Record<string, string>;
  const staffOf = (
    name: string,
    ...roles: Array<'reviewer' | 'coordinator' | 'admin' | 'programme_manager'>
  ): Caller => ({
    kind: 'staff',
    userId: ids[`${name}@grants.test`],
    roles: roles.length > 0 ? roles : ['reviewer'],
  });
  const cbos: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  let member: Record<'a' | 'b' | 'c', Caller>;
  let roundId = '';
  let blindRoundId = '';

  const send = <C extends Parameters<NatsRpc['send']>[0]>(contract: C, body: RequestOf<C>, caller: Caller) =>
    (caller.kind === 'system' ? asOrchestrator : asGateway).send(contract, body as never, caller);
  const refusalOf = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a refusal');
      },
      (error: unknown) => {
        if (!(error instanceof DomainError)) throw error;
        return error;
      },
    );

  /** A member's application to a round, filled in whole, asking `amount` cents. */
  async function complete(round: string, who: 'a' | 'b' | 'c', amount: number) {
    const { application } = await send(startGrantApplication, { roundId: round }, member[who]);
    const { application: saved } = await send(
      saveGrantApplication,
      { id: application.id, baseVersion: application.version, draft: { plan: PLAN, budget: [line(amount)] } },
      member[who],
    );
    return saved;
  }

  async function submitted(round: string, who: 'a' | 'b' | 'c', amount: number) {
    const saved = await complete(round, who, amount);
    const { application } = await send(
      submitGrantApplication,
      { id: saved.id, idempotencyKey: uniqueName('submit'), baseVersion: saved.version },
      member[who],
    );
    return application;
  }

  beforeAll(async () => {
    database = await createTestDatabase('grants');
    keys = await createTestCallerKeys();
    await Promise.all([
      migrateIdentity(database.url),
      migrateNetwork(database.url),
      migrateTraining(database.url),
      migrateGrants(database.url),
    ]);
    const env = {
      DATABASE_URL: database.url,
      CALLER_KEYS_DIR: keys.dir,
      NATS_PREFIX: uniqueName('grants'),
      LOG_LEVEL: 'error',
      NATS_TIMEOUT_MS: '5000',
      ARGON2_MEMORY_KIB: '4096',
    };
    const staff = ['founder', 'assessor', 'trainer', 'related', 'free-a', 'free-b', 'manager'];
    ids = await ensureAccounts(
      loadIdentityConfig(env),
      staff.map((name) => ({
        email: `${name}@grants.test`,
        displayName: name,
        password: PASSWORD,
        kind: 'staff' as const,
        roles: name === 'manager' ? ['programme_manager' as const] : ['reviewer' as const],
      })),
    );
    apps.push(await startIdentityService(loadIdentityConfig(env)));
    apps.push(await startNetworkService(loadNetworkConfig(env)));
    apps.push(await startTrainingService(loadTrainingConfig(env)));
    apps.push(await startGrantsService(loadGrantsConfig(env)));
    nats = await connect({ servers: 'nats://127.0.0.1:4222' });
    asGateway = new NatsRpc(nats, env.NATS_PREFIX, 10_000, await keys.signer('gateway'));
    asOrchestrator = new NatsRpc(nats, env.NATS_PREFIX, 10_000, await keys.signer('orchestrator'));
    sql = postgres(database.url, { max: 2, onnotice: () => {} });

    // Three grant-eligible CBOs in Battambang; the first recorded by a reviewer.
    for (const who of ['a', 'b', 'c'] as const) {
      const { cbo } = await send(
        createCbo,
        {
          idempotencyKey: uniqueName('cbo'),
          draft: {
            name: `Grantees ${who.toUpperCase()} ${uniqueName('cbo')}`,
            provinceCode: 'KH-2',
            focusIssues: ['land'],
            foundVia: 'field_visit',
          } as never,
        },
        (who === 'a'
          ? { ...staffOf('founder'), roles: ['coordinator', 'reviewer'] }
          : staffOf('manager', 'coordinator')) as Caller,
      );
      cbos[who] = cbo.id;
      await send(recordCboStage, { id: cbo.id, stage: 'grant_eligible' }, orchestrator);
    }
    const members = await ensureAccounts(
      loadIdentityConfig(env),
      (['a', 'b', 'c'] as const).map((who) => ({
        email: `member-${who}@grants.test`,
        displayName: `Member ${who}`,
        password: PASSWORD,
        kind: 'applicant' as const,
        cboId: cbos[who],
      })),
    );
    member = {
      a: { kind: 'applicant', userId: members['member-a@grants.test'], cboId: cbos.a },
      b: { kind: 'applicant', userId: members['member-b@grants.test'], cboId: cbos.b },
      c: { kind: 'applicant', userId: members['member-c@grants.test'], cboId: cbos.c },
    };
    // CBO A: assessed by one reviewer, trained by another, related to a third.
    await send(
      recordAssessment,
      {
        stepId: uniqueName('step'),
        cboId: cbos.a,
        assessedBy: ids['assessor@grants.test'],
        draft: anAssessmentDraft(),
      },
      orchestrator,
    );
    const [session] = await sql<Array<{ id: string }>>`
      with module as (
        insert into training.modules (id, title_km, title_en, description_km, description_en, duration_minutes, required_for_grants)
        values ('land_law', 'ច្បាប់ដីធ្លី', 'Land law', '…', '…', 180, true) returning id
      )
      insert into training.sessions (module_id, trainer_ids, starts_at, ends_at, venue, province_code, capacity, minimum_attendance, language, status, held_at)
      select id, array[${ids['trainer@grants.test']}::uuid], now() - interval '10 days', now() - interval '10 days' + interval '3 hours',
        ${sql.json({ kind: 'place', provinceCode: 'KH-2', place: 'Hall' })}, 'KH-2', 20, 1, 'km', 'held', now() - interval '10 days'
      from module returning id`;
    await sql`insert into training.seats (session_id, cbo_id, member_user_id, status)
      values (${session.id}, ${cbos.a}, ${member.a.kind === 'applicant' ? member.a.userId : ''}, 'confirmed')`;
    await send(declareRelationship, { cboId: cbos.a, note: 'My sister leads it' }, staffOf('related'));

    const admin: Caller = { kind: 'staff', userId: randomUUID(), roles: ['admin'] };
    const draft = {
      nameKm: 'ជុំទី១',
      nameEn: 'Round 1',
      currency: 'USD' as const,
      budget: 300_000,
      minAmount: 50_000,
      maxAmount: 200_000,
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      eligibility: { provinceCodes: ['KH-2' as const], focusIssues: [] },
      rubric: [{ key: 'relevance', labelKm: 'ភាពពាក់ព័ន្ធ', labelEn: 'Relevance', weight: 1, maxScore: 5 }],
      reviewersPerApplication: 2,
      blindReview: false,
      approvalChain: [{ role: 'programme_manager' as const, aboveAmount: 0 }],
    };
    roundId = (await send(createGrantRound, { idempotencyKey: uniqueName('round'), draft }, admin)).round.id;
    blindRoundId = (
      await send(
        createGrantRound,
        {
          idempotencyKey: uniqueName('round'),
          draft: { ...draft, nameEn: 'Blind round', blindReview: true },
        },
        admin,
      )
    ).round.id;
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    await nats?.drain();
    for (const app of apps.reverse()) await app.close().catch(() => undefined);
    await database?.drop();
    keys?.remove();
  });

  const outboxOf = (applicationId: string, subject: string) =>
    sql<Array<{ payload: Record<string, unknown> }>>`
      select payload from grants.outbox where subject = ${subject} and payload->>'applicationId' = ${applicationId}`;

  it('submits once however often and however fast the member submits, starting one workflow', async () => {
    const saved = await complete(roundId, 'a', 200_000);
    const key = uniqueName('submit');
    const body = { id: saved.id, baseVersion: saved.version };
    const answers = await Promise.all([
      send(submitGrantApplication, { ...body, idempotencyKey: key }, member.a),
      send(submitGrantApplication, { ...body, idempotencyKey: key }, member.a),
      send(submitGrantApplication, { ...body, idempotencyKey: uniqueName('submit') }, member.a),
    ]);
    expect(answers.filter((answer) => answer.submitted)).toHaveLength(1);
    const references = new Set(answers.map((answer) => answer.application.reference));
    expect(references.size).toBe(1);
    expect([...references][0]).toMatch(/^GRT-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(await outboxOf(saved.id, 'orchestrator.grants.application.start')).toEqual([
      { payload: expect.objectContaining({ applicationId: saved.id, cboId: cbos.a, roundId }) },
    ]);
    const receipts = await sql`
      select payload from grants.outbox where subject = 'orchestrator.notification.send'
      and payload->>'kind' = 'grant_submitted' and payload->'params'->>'reference' = ${[...references][0]!}`;
    expect(receipts).toHaveLength(1);
    // Locked: the draft can no longer change.
    const locked = await refusalOf(
      send(
        saveGrantApplication,
        { id: saved.id, baseVersion: saved.version, draft: { plan: PLAN, budget: [] } },
        member.a,
      ),
    );
    expect(locked.details).toMatchObject({ reason: 'not_editable' });
  });

  it('refuses a save from an older copy with the server’s copy, and a submission missing fields by path', async () => {
    const { application } = await send(startGrantApplication, { roundId: blindRoundId }, member.b);
    const first = await send(
      saveGrantApplication,
      {
        id: application.id,
        baseVersion: application.version,
        draft: { plan: { ...PLAN, title: 'Phone' }, budget: [] },
      },
      member.b,
    );
    const stale = await refusalOf(
      send(
        saveGrantApplication,
        {
          id: application.id,
          baseVersion: application.version,
          draft: { plan: { ...PLAN, title: 'Laptop' }, budget: [] },
        },
        member.b,
      ),
    );
    expect(stale).toMatchObject({ code: 'CONFLICT' });
    expect(stale.details).toMatchObject({
      reason: 'draft_newer',
      current: { version: first.application.version, plan: { title: 'Phone' } },
    });
    const incomplete = await refusalOf(
      send(
        submitGrantApplication,
        { id: application.id, idempotencyKey: uniqueName('submit'), baseVersion: first.application.version },
        member.b,
      ),
    );
    expect(incomplete.code).toBe('VALIDATION_FAILED');
    expect(incomplete.details?.issues?.map((issue) => issue.path)).toEqual(['budget']);
    expect(await outboxOf(application.id, 'orchestrator.grants.application.start')).toEqual([]);
  });

  it('never assigns a reviewer who recorded, assessed or trained the CBO or declared a relationship with it', async () => {
    const [{ id }] = await sql<Array<{ id: string }>>`
      select id from grants.applications where cbo_id = ${cbos.a} and round_id = ${roundId}`;
    const begun = await send(
      beginGrantApplicationRun,
      { applicationId: id, eventId: uniqueName('ev') },
      orchestrator,
    );
    expect(begun.check).toEqual({ passed: true, failed: [] });
    expect(begun.excludedApprovers).toEqual(
      expect.arrayContaining([
        ids['assessor@grants.test'],
        member.a.kind === 'applicant' ? member.a.userId : '',
      ]),
    );
    await send(
      recordGrantApplicationStage,
      { applicationId: id, stage: 'review', eventId: uniqueName('ev') },
      orchestrator,
    );
    const { reviewerIds } = await send(
      assignGrantReviewers,
      { applicationId: id, count: 5, eventId: uniqueName('ev') },
      orchestrator,
    );
    expect(reviewerIds.sort()).toEqual([ids['free-a@grants.test'], ids['free-b@grants.test']].sort());
    // Asking again assigns nobody new: everyone left has a conflict or is on it already.
    await expect(
      send(assignGrantReviewers, { applicationId: id, count: 2, eventId: uniqueName('ev') }, orchestrator),
    ).resolves.toEqual({ reviewerIds: [] });
  });

  it('hides who the CBO is from the reviewers of a blind round, and shows it only once they declared', async () => {
    const application = await submitted(blindRoundId, 'c', 100_000);
    await send(
      recordGrantApplicationStage,
      { applicationId: application.id, stage: 'review', eventId: uniqueName('ev') },
      orchestrator,
    );
    const { reviewerIds } = await send(
      assignGrantReviewers,
      { applicationId: application.id, count: 1, eventId: uniqueName('ev') },
      orchestrator,
    );
    expect(reviewerIds).toHaveLength(1);
    const reviewer: Caller = { kind: 'staff', userId: reviewerIds[0]!, roles: ['reviewer'] };
    const before = await refusalOf(send(getGrantApplication, { id: application.id }, reviewer));
    expect(before.code).toBe('NOT_FOUND');
    const mine = await send(listMyGrantReviews, {}, reviewer);
    expect(mine.items.find((item) => item.application.id === application.id)?.application).toMatchObject({
      cboId: null,
      cboName: null,
      title: PLAN.title,
    });
    await send(
      recordGrantReviewDeclaration,
      {
        applicationId: application.id,
        reviewerId: reviewer.userId,
        conflict: false,
        note: '',
        eventId: uniqueName('ev'),
      },
      orchestrator,
    );
    const { application: seen } = await send(getGrantApplication, { id: application.id }, reviewer);
    expect(seen).toMatchObject({
      cboId: null,
      cboName: null,
      submittedBy: null,
      plan: { title: PLAN.title },
    });
    const { application: staffView } = await send(
      getGrantApplication,
      { id: application.id },
      staffOf('manager', 'programme_manager'),
    );
    expect(staffView.cboId).toBe(cbos.c);
  });

  it('gives one approval and one clear refusal when two race for the last $1,000, committing exactly the envelope', async () => {
    const [{ id: first }] = await sql<Array<{ id: string }>>`
      select id from grants.applications where cbo_id = ${cbos.a} and round_id = ${roundId}`;
    const manager = ids['manager@grants.test'];
    const decide = (applicationId: string, amount: number) =>
      send(
        recordGrantDecision,
        {
          applicationId,
          outcome: 'approved',
          step: 0,
          role: 'programme_manager',
          decidedBy: manager,
          amount,
          reason: null,
          eventId: uniqueName('ev'),
        },
        orchestrator,
      );
    // $2,000 of the $3,000 envelope go to the first; two more ask for $1,000 each.
    await expect(decide(first, 200_000)).resolves.toMatchObject({ application: { stage: 'agreement' } });
    const b = await submitted(roundId, 'b', 100_000);
    const c = await submitted(roundId, 'c', 100_000);
    const outcomes = await Promise.allSettled([decide(b.id, 100_000), decide(c.id, 100_000)]);
    const approved = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as DomainError] : []));
    expect(approved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'envelope_exhausted', remaining: 0 },
    });
    const [round] = await sql<Array<{ committed: string; budget: string }>>`
      select committed, budget from grants.rounds where id = ${roundId}`;
    expect(Number(round.committed)).toBe(300_000);
    const stages = await sql<Array<{ stage: string }>>`
      select stage from grants.applications where id in (${b.id}, ${c.id}) order by stage`;
    expect(stages.map((row) => row.stage)).toEqual(['agreement', 'submitted']);
    // The refusal is in the outbox for the audit log although its decision rolled back.
    const audits = await sql<Array<{ payload: { outcome: string; details: { reason: string } } }>>`
      select payload from grants.outbox where subject = 'identity.audit.append'
      and payload->>'action' = 'grants.application.approved' and payload->>'outcome' = 'failure'`;
    expect(audits).toEqual([
      {
        payload: expect.objectContaining({
          outcome: 'failure',
          details: expect.objectContaining({ reason: 'envelope_exhausted' }),
        }),
      },
    ]);
  });

  it("lists a round's applications for staff with the counts per stage, searched by CBO name or reference", async () => {
    const coordinator: Caller = { kind: 'staff', userId: randomUUID(), roles: ['coordinator'] };
    const all = await send(listGrantApplications, { roundId, limit: 100, offset: 0 }, coordinator);
    expect(all.total).toBe(3);
    expect(all.counts).toMatchObject({ agreement: 2, submitted: 1, draft: 0, review: 0 });
    const [named] = await sql<Array<{ name: string; reference: string }>>`
      select cbo_name as name, reference from grants.applications where cbo_id = ${cbos.b} and round_id = ${roundId}`;
    const byName = await send(
      listGrantApplications,
      { roundId, q: named.name.slice(0, 12).toLowerCase(), limit: 100, offset: 0 },
      coordinator,
    );
    expect(byName.items.map((item) => item.cboId)).toEqual([cbos.b]);
    const byReference = await send(
      listGrantApplications,
      { roundId, q: named.reference, limit: 100, offset: 0 },
      coordinator,
    );
    expect(byReference.items).toEqual([
      expect.objectContaining({
        reference: named.reference,
        title: PLAN.title,
        reviewsDone: 0,
        reviewsNeeded: 2,
      }),
    ]);
    const submittedOnly = await send(
      listGrantApplications,
      { roundId, stage: 'submitted', limit: 100, offset: 0 },
      coordinator,
    );
    expect(submittedOnly.items).toHaveLength(1);

    // Sorted by score over the whole round, a page at a time: the highest mean first, the
    // applications not scored yet last (the scores are set here, whatever the reviews before).
    const submitted = await sql<Array<{ id: string }>>`
      select id from grants.applications where round_id = ${roundId} and submitted_at is not null
      order by submitted_at`;
    expect(submitted).toHaveLength(3);
    const [low, high, none] = submitted.map((row) => row.id);
    await sql`update grants.reviews set status = 'cleared', total = null
      where application_id in ${sql([low!, high!, none!])}`;
    for (const [applicationId, totals] of [
      [low, [40, 60]],
      [high, [90, 70]],
    ] as const) {
      for (const total of totals) {
        await sql`insert into grants.reviews (application_id, reviewer_id, status, total, scored_at)
          values (${applicationId!}, ${randomUUID()}, 'scored', ${total}, now())`;
      }
    }
    const page = (offset: number) =>
      send(listGrantApplications, { roundId, sort: 'score', limit: 1, offset }, coordinator);
    const pages = await Promise.all([page(0), page(1), page(2)]);
    expect(pages.map(({ items }) => [items[0]!.id, items[0]!.score])).toEqual([
      [high, 80],
      [low, 50],
      [none, null],
    ]);
    // The envelope as the round shows it, and the rounds a member sees.
    await expect(send(getGrantRound, { id: roundId }, coordinator)).resolves.toMatchObject({
      round: { committed: 300_000, remaining: 0, state: 'open' },
    });
    const seen = await send(listGrantRounds, {}, member.b);
    expect(seen.items.map((round) => round.id).sort()).toEqual([roundId, blindRoundId].sort());
    const outsider: Caller = { kind: 'applicant', userId: randomUUID(), cboId: randomUUID() };
    expect((await send(listGrantRounds, {}, outsider)).items).toEqual([]);
    expect((await refusalOf(send(getGrantRound, { id: roundId }, outsider))).code).toBe('NOT_FOUND');
  });
});
