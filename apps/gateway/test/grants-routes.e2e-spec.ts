import postgres from 'postgres';
import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { GrantsWorld, completeDraft, roundDraft } from './grants-world';

/**
 * The grant routes on the real stack: a round's bad fields named, a retried creation answered
 * once; a member starting, saving (a stale copy told which one won) and submitting (twice with
 * one key: one submission); staff listing a round's applications with the count per stage.
 */
describe('the grant routes', () => {
  let world: GrantsWorld;
  let sql: postgres.Sql;
  let member: { token: string; id: string };
  let otherMember: { token: string; id: string };
  let outsider: { token: string; id: string };
  let round: any;

  beforeAll(async () => {
    world = await GrantsWorld.start('grants-routes');
    sql = postgres(world.stack.database.url, { max: 1, onnotice: () => {} });
    const [ours, other, notYet] = await Promise.all([
      world.eligibleCbo('Kampong Tralach Youth'),
      world.eligibleCbo('Prey Veng Farmers', 'KH-14'),
      world.eligibleCbo('Still Training', 'KH-2', 'training'),
    ]);
    member = await world.member(ours, 'ours');
    otherMember = await world.member(other, 'other');
    outsider = await world.member(notYet, 'training');
    round = await world.openRound();
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    await world?.stop();
  });

  it('names every wrong field of a round, and changes nothing', async () => {
    const before = (await world.as('admin', '/api/grants/rounds')).body.items.length;
    const bad = await world.as('admin', '/api/grants/rounds', {
      method: 'POST',
      json: roundDraft({
        nameEn: '',
        minAmount: 300_000,
        closesAt: new Date(Date.now() - 2 * 24 * 3600_000).toISOString(),
        rubric: [],
        approvalChain: [{ role: 'janitor', aboveAmount: 0 }],
      }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const paths = bad.body.details.issues.map((issue: any) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['nameEn', 'rubric', 'approvalChain.0.role']));
    for (const issue of bad.body.details.issues)
      expect(issue).toMatchObject({ in: 'body', message: expect.any(String) });

    // Fields right one by one, wrong together: the limits and the dates.
    const crossed = await world.as('admin', '/api/grants/rounds', {
      method: 'POST',
      json: roundDraft({
        minAmount: 300_000,
        closesAt: new Date(Date.now() - 2 * 24 * 3600_000).toISOString(),
      }),
    });
    expect(crossed.status).toBe(400);
    expect(crossed.body.details.issues.map((issue: any) => issue.path)).toEqual(
      expect.arrayContaining(['minAmount', 'closesAt']),
    );
    const noKey = await world.as('admin', '/api/grants/rounds', {
      method: 'POST',
      json: roundDraft(),
      headers: { 'idempotency-key': '' },
    });
    expect(noKey.status).toBe(400);
    const where = noKey.body.details.issues.map((issue: any) => `${issue.in}:${issue.path}`);
    expect(new Set(where)).toEqual(new Set(['header:idempotency-key']));
    expect((await world.as('admin', '/api/grants/rounds')).body.items).toHaveLength(before);
  });

  it('opens a round once for a retried request, only for an admin', async () => {
    const key = uniqueName('round');
    const draft = roundDraft({ nameEn: 'Retried round' });
    const create = () =>
      world.as('admin', '/api/grants/rounds', {
        method: 'POST',
        json: draft,
        headers: { 'idempotency-key': key },
      });
    const first = await create();
    const again = await create();
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.round.id).toBe(first.body.round.id);
    expect(first.body.round).toMatchObject({ state: 'open', committed: 0, remaining: 500_000 });
    const [{ n }] = await sql`select count(*)::int as n from grants.rounds where name_en = 'Retried round'`;
    expect(n).toBe(1);
    expect(
      (await world.as('coordinator', '/api/grants/rounds', { method: 'POST', json: roundDraft() })).status,
    ).toBe(403);
  });

  it('lets a member start, save and submit their CBO’s application, once', async () => {
    const started = await world.call(member.token, `/api/grants/rounds/${round.id}/applications`, {
      method: 'POST',
    });
    expect(started.status).toBe(201);
    const application = started.body.application;
    expect(application).toMatchObject({ roundId: round.id, stage: 'draft', reference: null });
    const again = await world.call(member.token, `/api/grants/rounds/${round.id}/applications`, {
      method: 'POST',
    });
    expect(again.status).toBe(200);
    expect(again.body.application.id).toBe(application.id);

    // A wrong line is named beside its field, and nothing is saved.
    const draft = completeDraft();
    const wrong = await world.call(member.token, `/api/grants/applications/${application.id}`, {
      method: 'PUT',
      json: {
        baseVersion: application.version,
        draft: { ...draft, budget: [draft.budget[0], { ...draft.budget[1], quantity: 0 }] },
      },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.issues).toEqual([
      expect.objectContaining({ in: 'body', path: 'draft.budget.1.quantity' }),
    ]);

    // Autosave: two saves while the member types (the quarter hour each fell in, for the log).
    const quarter = () => Math.floor(Date.now() / (15 * 60_000));
    const firstQuarter = quarter();
    const typing = await world.call(member.token, `/api/grants/applications/${application.id}`, {
      method: 'PUT',
      json: { baseVersion: application.version, draft: { ...draft, plan: { ...draft.plan, title: 'Land' } } },
    });
    expect(typing.status).toBe(200);
    const saved = await world.call(member.token, `/api/grants/applications/${application.id}`, {
      method: 'PUT',
      json: { baseVersion: typing.body.application.version, draft },
    });
    const savesInOneQuarter = quarter() === firstQuarter;
    expect(saved.status).toBe(200);
    expect(saved.body.application.version).toBe(application.version + 2);
    expect(saved.body.application.totals).toEqual({ total: 60_000, contribution: 15_000, requested: 45_000 });

    // A copy kept offline, from the first version: the server's newer one wins, and is told.
    const stale = await world.call(member.token, `/api/grants/applications/${application.id}`, {
      method: 'PUT',
      json: {
        baseVersion: application.version,
        draft: { ...draft, plan: { ...draft.plan, title: 'Offline' } },
      },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'CONFLICT',
      details: {
        reason: 'draft_newer',
        current: {
          id: application.id,
          version: saved.body.application.version,
          plan: { title: draft.plan.title },
        },
      },
    });

    const key = uniqueName('submit');
    const submit = () =>
      world.call(member.token, `/api/grants/applications/${application.id}/submit`, {
        method: 'POST',
        json: { baseVersion: saved.body.application.version },
        headers: { 'idempotency-key': key },
      });
    const [first, second] = await Promise.all([submit(), submit()]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.body.submitted, second.body.submitted].sort()).toEqual([false, true]);
    expect(first.body.application.reference).toMatch(/^GRT-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(second.body.application.reference).toBe(first.body.application.reference);
    const third = await submit();
    expect(third.body).toMatchObject({
      submitted: false,
      application: { reference: first.body.application.reference },
    });
    const [{ starts }] = await sql`
      select count(*)::int as starts from grants.outbox
      where subject = 'orchestrator.grants.application.start' and payload->>'applicationId' = ${application.id}`;
    expect(starts).toBe(1);

    // The audit log has the start, one entry for the saves of the quarter hour, and the submission.
    await waitFor(
      async () => {
        const [{ pending }] = await sql`
          select count(*)::int as pending from grants.outbox
          where subject = 'identity.audit.append' and delivered_at is null`;
        return pending === 0 ? true : undefined;
      },
      { what: 'the audit entries delivered' },
    );
    const logged = async (action: string) => {
      const { body } = await world.as(
        'admin',
        `/api/admin/audit?action=${action}&targetType=grant_application&targetId=${application.id}`,
      );
      return body.items.filter((entry: any) => entry.targetId === application.id);
    };
    expect(await logged('grants.application.start')).toHaveLength(1);
    expect(await logged('grants.application.save')).toHaveLength(savesInOneQuarter ? 1 : 2);
    expect(await logged('grants.application.submit')).toHaveLength(1);

    // Locked: no more changes.
    const late = await world.call(member.token, `/api/grants/applications/${application.id}`, {
      method: 'PUT',
      json: { baseVersion: first.body.application.version, draft },
    });
    expect(late.status).toBe(409);
    expect(late.body.details.reason).toBe('not_editable');

    // Another CBO's member does not see it.
    expect((await world.call(otherMember.token, `/api/grants/applications/${application.id}`)).status).toBe(
      404,
    );
  });

  it('refuses to submit an activity that starts before today or ends before it starts, naming the dates', async () => {
    const application = await world.startApplication(otherMember.token, round.id);
    const draft = completeDraft();
    const saved = await world.call(otherMember.token, `/api/grants/applications/${application.id}`, {
      method: 'PUT',
      json: {
        baseVersion: application.version,
        draft: { ...draft, plan: { ...draft.plan, startsOn: '2020-01-03', endsOn: '2020-01-01' } },
      },
    });
    expect(saved.status).toBe(200);
    const refused = await world.call(otherMember.token, `/api/grants/applications/${application.id}/submit`, {
      method: 'POST',
      json: { baseVersion: saved.body.application.version },
      headers: { 'idempotency-key': uniqueName('submit') },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'plan.startsOn', code: 'in_past' }),
        expect.objectContaining({ path: 'plan.endsOn', code: 'before_start' }),
      ]),
    );
    const after = await world.call(otherMember.token, `/api/grants/applications/${application.id}`);
    expect(after.body.application).toMatchObject({ stage: 'draft', reference: null });
  });

  it('keeps a CBO that is not grant-eligible from applying, saying why', async () => {
    const refused = await world.call(outsider.token, `/api/grants/rounds/${round.id}/applications`, {
      method: 'POST',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'not_eligible', rules: expect.arrayContaining(['cbo_not_grant_eligible']) },
    });
  });

  it('lists a round’s applications for staff, with the count per stage over the whole round', async () => {
    await world.startApplication(otherMember.token, round.id);
    const listed = await world.as('coordinator', `/api/grants/rounds/${round.id}/applications`);
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(2);
    expect(listed.body.items).toHaveLength(2);
    const counts = listed.body.counts as Record<string, number>;
    expect(counts.draft).toBe(1);
    expect(Object.values(counts).reduce((sum, n) => sum + n, 0)).toBe(2);

    const drafts = await world.as('coordinator', `/api/grants/rounds/${round.id}/applications?stage=draft`);
    expect(drafts.body.items).toHaveLength(1);
    expect(drafts.body.items[0]).toMatchObject({ stage: 'draft', cboName: 'Prey Veng Farmers' });
    // The counts cover the whole round, whatever the filter (the submitted application's workflow
    // may move it on between the two calls: only the draft and the sum stay put).
    expect(drafts.body.counts.draft).toBe(1);
    expect(Object.values(drafts.body.counts as Record<string, number>).reduce((sum, n) => sum + n, 0)).toBe(
      2,
    );
    expect(
      (await world.as('coordinator', `/api/grants/rounds/${round.id}/applications?stage=nope`)).status,
    ).toBe(400);
    expect((await world.call(member.token, `/api/grants/rounds/${round.id}/applications`)).status).toBe(403);
  });
});
