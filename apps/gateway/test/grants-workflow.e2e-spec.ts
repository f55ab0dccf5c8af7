import { uniqueName, waitFor } from '@bandanh/platform/testing';
import { GrantsWorld, completeDraft, type Answer } from './grants-world';

/**
 * Two applications through their workflows over HTTP, on the real stack (grants, orchestrator
 * and Temporal): the coordinator's eligibility check, the reviewer assigned, declaring no
 * conflict and scoring, then the programme manager approving both at once when the round's
 * envelope holds only one: one approval, one clear refusal, and nothing changed by it.
 */
describe('grant applications through their workflow', () => {
  let world: GrantsWorld;
  let round: any;
  const applications: Array<{ id: string; member: { token: string; id: string } }> = [];

  const run = (id: string) => world.as('coordinator', `/api/grants/applications/${id}/run`);
  const runAt = (id: string, check: (run: any) => boolean, what: string) =>
    waitFor(
      async () => {
        const answer = await run(id);
        return answer.status === 200 && check(answer.body) ? answer.body : undefined;
      },
      { what, timeoutMs: 60_000 },
    );
  const step = (
    role: Parameters<GrantsWorld['as']>[0],
    id: string,
    name: string,
    json: unknown,
  ): Promise<Answer> => world.as(role, `/api/grants/applications/${id}/${name}`, { method: 'POST', json });

  beforeAll(async () => {
    world = await GrantsWorld.start('grants-workflow');
    // $1,000 in the envelope; each CBO asks for $600: only one can have it.
    round = await world.openRound({ budget: 100_000, minAmount: 10_000, maxAmount: 100_000 });
    for (const name of ['Chhlong Weavers', 'Sambor Fishers']) {
      const cbo = await world.eligibleCbo(name);
      const member = await world.member(cbo, name.split(' ')[0]);
      const draft = await world.startApplication(member.token, round.id);
      const plan = completeDraft().plan;
      const saved = await world.call(member.token, `/api/grants/applications/${draft.id}`, {
        method: 'PUT',
        json: {
          baseVersion: draft.version,
          draft: {
            plan,
            budget: [
              {
                id: crypto.randomUUID(),
                category: 'materials',
                description: 'Nets',
                unitCost: 60_000,
                quantity: 1,
              },
            ],
          },
        },
      });
      expect(saved.body.application.totals.requested).toBe(60_000);
      const submitted = await world.call(member.token, `/api/grants/applications/${draft.id}/submit`, {
        method: 'POST',
        json: { baseVersion: saved.body.application.version },
        headers: { 'idempotency-key': uniqueName('submit') },
      });
      expect(submitted.status).toBe(200);
      applications.push({ id: draft.id, member });
    }
  }, 180_000);

  afterAll(async () => {
    await world?.stop();
  });

  it('is checked by a coordinator, not by anyone else', async () => {
    for (const { id } of applications) {
      await runAt(
        id,
        (r) => r.stage === 'eligibility' && r.eligibility.taskId !== null,
        'the eligibility task',
      );
    }
    const [first, second] = applications;
    expect((await step('reviewer', first.id, 'eligibility', { outcome: 'eligible' })).status).toBe(403);
    const reasonless = await step('coordinator', first.id, 'eligibility', {
      outcome: 'ineligible',
      reason: '',
    });
    expect(reasonless.status).toBe(400);
    for (const { id } of [first, second]) {
      const checked = await step('coordinator', id, 'eligibility', {
        outcome: 'eligible',
        reason: 'All in order',
      });
      expect(checked.status).toBe(200);
    }
    const again = await step('coordinator', first.id, 'eligibility', { outcome: 'eligible', reason: '' });
    expect(again.status).toBe(409);
    expect(again.body.details.reason).toBe('wrong_stage');
  }, 90_000);

  it('is reviewed by the assigned reviewer, who declares no conflict before scoring', async () => {
    await world.token('reviewer');
    for (const { id } of applications) {
      const assigned = await runAt(
        id,
        (r) => r.stage === 'review' && r.reviews.length === 1,
        'a reviewer assigned',
      );
      expect(assigned.reviews[0]).toMatchObject({ reviewerId: world.ids.reviewer, status: 'assigned' });
      const early = await step('reviewer', id, 'review', { scores: [{ key: 'relevance', score: 4 }] });
      expect(early.status).toBe(409);
      expect(early.body.details.reason).toBe('not_declared');
      expect((await step('reviewer', id, 'declaration', {})).status).toBe(400);
      expect((await step('reviewer', id, 'declaration', { conflict: false })).status).toBe(200);
      const over = await step('reviewer', id, 'review', { scores: [{ key: 'relevance', score: 9 }] });
      expect(over.status).toBe(400);
      const scored = await step('reviewer', id, 'review', {
        scores: [{ key: 'relevance', score: 4, comment: 'Clear plan' }],
        comment: 'Worth funding',
      });
      expect(scored.status).toBe(200);
    }
    const board = await world.as('coordinator', `/api/grants/applications/${applications[0].id}/reviews`);
    expect(board.body.items).toEqual([
      expect.objectContaining({ reviewerId: world.ids.reviewer, status: 'scored', total: 80 }),
    ]);
  }, 90_000);

  it('gives the last of the envelope to one of two approvals racing for it, and refuses the other clearly', async () => {
    for (const { id } of applications) {
      await runAt(id, (r) => r.stage === 'approval' && r.approvalTaskId !== null, 'the approval task');
    }
    // Not the director's step, and not the reviewer's to decide.
    const wrongRole = await step('director', applications[0].id, 'decision', { outcome: 'approve' });
    expect(wrongRole.status).toBe(409);
    expect(wrongRole.body.details.reason).toBe('not_your_step');

    const answers = await Promise.all(
      applications.map(({ id }) => step('programme_manager', id, 'decision', { outcome: 'approve' })),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 409]);
    const refused = answers.find((answer) => answer.status === 409)!;
    expect(refused.body).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'envelope_exhausted', remaining: 40_000 },
    });
    const approvedIndex = answers.findIndex((answer) => answer.status === 200);
    const approved = applications[approvedIndex];
    const waiting = applications[1 - approvedIndex];

    await runAt(
      approved.id,
      (r) => r.stage === 'agreement' && r.approvedAmount === 60_000,
      'the agreement stage',
    );
    // The refusal changed nothing: still at approval, its task open, the envelope as the approval left it.
    const still = await run(waiting.id);
    expect(still.body).toMatchObject({ stage: 'approval', approvedAmount: null });
    expect(still.body.approvalTaskId).not.toBeNull();
    const after = await world.as('admin', `/api/grants/rounds/${round.id}`);
    expect(after.body.round).toMatchObject({ committed: 60_000, remaining: 40_000 });

    // The member reads the decision; the other CBO's is still pending.
    const mine = await world.call(approved.member.token, `/api/grants/applications/${approved.id}`);
    expect(mine.body.application).toMatchObject({
      stage: 'agreement',
      decision: { outcome: 'approved', amount: 60_000 },
    });
    const theirs = await world.call(waiting.member.token, `/api/grants/applications/${waiting.id}`);
    expect(theirs.body.application.decision).toBeNull();

    // Approving it for what is left succeeds.
    const lower = await step('programme_manager', waiting.id, 'decision', {
      outcome: 'approve',
      amount: 40_000,
    });
    expect(lower.status).toBe(200);
    await runAt(
      waiting.id,
      (r) => r.stage === 'agreement' && r.approvedAmount === 40_000,
      'the lower approval',
    );
    expect((await world.as('admin', `/api/grants/rounds/${round.id}`)).body.round.remaining).toBe(0);
  }, 120_000);
});
