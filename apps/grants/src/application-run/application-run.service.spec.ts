import { aCbo, aMember, aStaff, CBO_ID, fakeDirectory } from '../directory/directory.fakes';
import { APPLICANT_ID, orchestrator, refusal, staff } from '@bandanh/platform/testing';
import {
  A_LINE,
  APPLICATION_ID,
  COMPLETE_PLAN,
  aReviewRow,
  aRoundRow,
  anApplicationRow,
} from '../testing/fixtures';
import { fakeRunRepository, type RunStore } from './application-run.fakes';
import { ApplicationRunService } from './application-run.service';

const R = (n: number) => `e0000000-0000-4000-8000-00000000000${n}`;
const FOUNDER = R(1);
const ASSESSOR = R(2);
const TRAINER = R(3);
const RELATED = R(4);
const FREE_A = R(5);
const FREE_B = R(6);
const FREE_C = R(7);
const MEMBER_2 = 'f0000000-0000-4000-8000-000000000002';

const submitted = (overrides = {}) =>
  anApplicationRow({
    stage: 'submitted',
    reference: 'GRT-7K2M9QXA',
    plan: COMPLETE_PLAN,
    budget: [A_LINE],
    requested: 100_000,
    submissions: 1,
    submittedAt: new Date('2026-12-05T00:00:00.000Z'),
    submittedBy: APPLICANT_ID,
    ...overrides,
  });

function world(seed: Partial<RunStore> = {}) {
  const repository = fakeRunRepository({
    applications: [submitted()],
    relationships: [{ userId: RELATED, cboId: CBO_ID, source: 'declared' }],
    ...seed,
  });
  const directory = fakeDirectory({
    cbos: [aCbo({ foundBy: FOUNDER })],
    assessors: { [CBO_ID]: [ASSESSOR] },
    trainers: { [CBO_ID]: [TRAINER] },
    members: { [CBO_ID]: [aMember(APPLICANT_ID), aMember(MEMBER_2, { locale: 'en' })] },
    reviewers: [FOUNDER, ASSESSOR, TRAINER, RELATED, FREE_A, FREE_B, FREE_C].map((id) => aStaff(id)),
  });
  const service = new ApplicationRunService(repository, directory, {
    WEB_URL: 'https://bandanh.example.org',
  });
  return { repository, store: repository.store, service };
}

const decision = (overrides = {}) => ({
  applicationId: APPLICATION_ID,
  outcome: 'approved' as const,
  step: 1,
  role: 'grant_committee' as const,
  decidedBy: R(9),
  amount: 100_000,
  reason: null,
  eventId: 'decide-1',
  ...overrides,
});

describe("an application's run", () => {
  it('is for the orchestrator only', async () => {
    const { service } = world();
    for (const caller of [staff('admin'), { kind: 'system' as const, service: 'grants' }]) {
      await expect(service.begin(caller, { applicationId: APPLICATION_ID, eventId: 'e1' })).rejects.toEqual(
        refusal('FORBIDDEN'),
      );
      await expect(service.decide(caller, decision())).rejects.toEqual(refusal('FORBIDDEN'));
    }
  });

  it('begins with the automatic rules, the steps for the amount and who may not approve it', async () => {
    const { service, store } = world();
    await expect(
      service.begin(orchestrator, { applicationId: APPLICATION_ID, eventId: 'e1' }),
    ).resolves.toEqual({
      check: { passed: true, failed: [] },
      steps: [{ role: 'programme_manager', aboveAmount: 0 }],
      reviewersPerApplication: 2,
      excludedApprovers: [APPLICANT_ID, ASSESSOR].sort(),
      requested: 100_000,
    });
    expect(store.applications[0].stage).toBe('eligibility');
  });

  it('fails the automatic rules of an amount over the ceiling, asking every step of the chain', async () => {
    const { service } = world({ applications: [submitted({ requested: 350_000 })] });
    await expect(
      service.begin(orchestrator, { applicationId: APPLICATION_ID, eventId: 'e1' }),
    ).resolves.toMatchObject({
      check: { passed: false, failed: ['amount_above_ceiling'] },
      steps: [
        { role: 'programme_manager', aboveAmount: 0 },
        { role: 'grant_committee', aboveAmount: 100_000 },
      ],
    });
  });

  it("keeps the coordinator's eligibility check with the stage, audited as theirs", async () => {
    const { service, store, repository } = world({ applications: [submitted({ stage: 'eligibility' })] });
    await service.recordStage(orchestrator, {
      applicationId: APPLICATION_ID,
      stage: 'review',
      eligibility: { outcome: 'eligible', reason: 'Fits the round', decidedBy: R(8) },
      eventId: 'e2',
    });
    expect(store.applications[0]).toMatchObject({
      stage: 'review',
      eligibility: { outcome: 'eligible', reason: 'Fits the round', decidedBy: R(8) },
    });
    expect(repository.audit).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'grants.application.eligibility', actor: R(8) }),
    );
  });
});

describe('assigning reviewers', () => {
  it('never assigns who recorded, assessed or trained the CBO, or declared a relationship with it', async () => {
    const { service, store } = world({ applications: [submitted({ stage: 'review' })] });
    const { reviewerIds } = await service.assignReviewers(orchestrator, {
      applicationId: APPLICATION_ID,
      count: 5,
      eventId: 'e3',
    });
    expect(reviewerIds.sort()).toEqual([FREE_A, FREE_B, FREE_C].sort());
    expect(store.reviews.map((r) => r.reviewerId).sort()).toEqual([FREE_A, FREE_B, FREE_C].sort());
  });

  it('balances the load: fewest open reviews first, then fewest in all', async () => {
    const { service } = world({
      applications: [submitted({ stage: 'review' })],
      loads: {
        [FREE_A]: { open: 2, total: 2 },
        [FREE_B]: { open: 0, total: 4 },
        [FREE_C]: { open: 0, total: 1 },
      },
    });
    await expect(
      service.assignReviewers(orchestrator, { applicationId: APPLICATION_ID, count: 2, eventId: 'e3' }),
    ).resolves.toEqual({ reviewerIds: [FREE_C, FREE_B] });
  });

  it('never assigns one already on it, nor one who declared a conflict on it: fewer when none is left', async () => {
    const { service } = world({
      applications: [submitted({ stage: 'review' })],
      reviews: [aReviewRow(FREE_A, { status: 'conflict' }), aReviewRow(FREE_B)],
    });
    await expect(
      service.assignReviewers(orchestrator, { applicationId: APPLICATION_ID, count: 2, eventId: 'e3' }),
    ).resolves.toEqual({ reviewerIds: [FREE_C] });
  });
});

describe("a reviewer's declaration and scores", () => {
  it('a conflict ends the assignment and keeps a relationship with the CBO', async () => {
    const { service, store } = world({
      applications: [submitted({ stage: 'review' })],
      reviews: [aReviewRow(FREE_A)],
    });
    await expect(
      service.declare(orchestrator, {
        applicationId: APPLICATION_ID,
        reviewerId: FREE_A,
        conflict: true,
        note: 'My cousin leads it',
        eventId: 'e4',
      }),
    ).resolves.toMatchObject({ status: 'conflict', conflictNote: 'My cousin leads it' });
    expect(store.relationships).toContainEqual({ userId: FREE_A, cboId: CBO_ID, source: 'conflict' });
    await expect(
      service.declare(orchestrator, {
        applicationId: APPLICATION_ID,
        reviewerId: FREE_A,
        conflict: false,
        note: '',
        eventId: 'e5',
      }),
    ).rejects.toMatchObject({ details: { reason: 'already_done' } });
  });

  it('scores only after declaring no conflict, exactly on the rubric', async () => {
    const { service } = world({
      applications: [submitted({ stage: 'review' })],
      reviews: [aReviewRow(FREE_A)],
    });
    const scores = [
      { key: 'relevance', score: 5, comment: '' },
      { key: 'budget', score: 2, comment: '' },
    ];
    const input = {
      applicationId: APPLICATION_ID,
      reviewerId: FREE_A,
      scores,
      comment: 'Good',
      eventId: 'e6',
    };
    await expect(service.recordReview(orchestrator, input)).rejects.toMatchObject({
      details: { reason: 'not_declared' },
    });
    await service.declare(orchestrator, {
      applicationId: APPLICATION_ID,
      reviewerId: FREE_A,
      conflict: false,
      note: '',
      eventId: 'e7',
    });
    await expect(
      service.recordReview(orchestrator, { ...input, scores: [{ key: 'relevance', score: 6, comment: '' }] }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('Relevance') });
    await expect(service.recordReview(orchestrator, input)).resolves.toMatchObject({
      status: 'scored',
      total: 80,
    });
    await expect(service.recordReview(orchestrator, { ...input, reviewerId: FREE_B })).rejects.toMatchObject({
      details: { reason: 'not_assigned' },
    });
  });
});

describe('decisions', () => {
  it('an approval takes its amount from the envelope, and the CBO’s members are told', async () => {
    const { service, store } = world({ applications: [submitted({ stage: 'approval' })] });
    await expect(service.decide(orchestrator, decision({ amount: 80_000 }))).resolves.toMatchObject({
      stage: 'agreement',
      decision: { outcome: 'approved', amount: 80_000 },
    });
    expect(store.round.committed).toBe(80_000);
    expect(
      store.notified.map((n) => [n.kind, n.recipient.userId, n.params.outcome, n.params.amount]),
    ).toEqual([
      ['grant_decided', APPLICANT_ID, 'approved', 80_000],
      ['grant_decided', MEMBER_2, 'approved', 80_000],
    ]);
  });

  it('an approval for more than remains is refused, nothing changed, and the refusal audited on its own', async () => {
    const { service, store, repository } = world({
      applications: [submitted({ stage: 'approval' })],
      round: aRoundRow({ budget: 1_000_000, committed: 950_000 }),
    });
    await expect(service.decide(orchestrator, decision())).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'envelope_exhausted', remaining: 50_000 },
    });
    expect(store.round.committed).toBe(950_000);
    expect(store.applications[0].stage).toBe('approval');
    expect(store.notified).toEqual([]);
    // Once inside the rolled-back decision, once on its own (the one that commits).
    expect(repository.transaction).toHaveBeenCalledTimes(1);
    expect(repository.audit).toHaveBeenLastCalledWith(
      expect.objectContaining({ action: 'grants.application.approved', outcome: 'failure', actor: R(9) }),
    );
  });

  it('never approves more than asked, nor by whoever submitted or reviewed it, each refusal audited', async () => {
    const { service, repository } = world({
      applications: [submitted({ stage: 'approval' })],
      reviews: [aReviewRow(FREE_A, { status: 'scored' })],
    });
    await expect(service.decide(orchestrator, decision({ amount: 100_001 }))).rejects.toMatchObject({
      details: { reason: 'amount_too_high', max: 100_000 },
    });
    await expect(service.decide(orchestrator, decision({ decidedBy: FREE_A }))).rejects.toMatchObject({
      details: { reason: 'four_eyes' },
    });
    await expect(service.decide(orchestrator, decision({ decidedBy: APPLICANT_ID }))).rejects.toMatchObject({
      details: { reason: 'four_eyes' },
    });
    expect(repository.audit).toHaveBeenLastCalledWith(
      expect.objectContaining({
        outcome: 'failure',
        actor: APPLICANT_ID,
        details: expect.objectContaining({ reason: 'four_eyes' }),
      }),
    );
  });

  it('a return reopens the draft with the reason; a decline needs one', async () => {
    const { service, store } = world({ applications: [submitted({ stage: 'approval' })] });
    await expect(
      service.decide(orchestrator, decision({ outcome: 'declined', amount: null })),
    ).rejects.toMatchObject({
      details: { reason: 'reason_required' },
    });
    await expect(
      service.decide(orchestrator, decision({ outcome: 'returned', amount: null, reason: 'Add a quote' })),
    ).resolves.toMatchObject({
      stage: 'returned',
      decision: { outcome: 'returned', reason: 'Add a quote', amount: null },
    });
    expect(store.round.committed).toBe(0);
    await expect(service.decide(orchestrator, decision({ eventId: 'decide-2' }))).rejects.toMatchObject({
      details: { reason: 'wrong_stage', stage: 'returned' },
    });
  });

  it('an earlier step’s approval is kept without touching the envelope or telling the CBO', async () => {
    const { service, store } = world({ applications: [submitted({ stage: 'approval' })] });
    await service.decide(
      orchestrator,
      decision({ outcome: 'step_approved', step: 0, role: 'programme_manager' }),
    );
    expect(store.decisions).toEqual([
      expect.objectContaining({ outcome: 'step_approved', step: 0, amount: 100_000 }),
    ]);
    expect(store.round.committed).toBe(0);
    expect(store.applications[0].stage).toBe('approval');
    expect(store.notified).toEqual([]);
  });
});
