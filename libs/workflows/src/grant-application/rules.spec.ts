import { grantApplicationWorkflowId } from '@bandanh/contracts';
import { grantApplicationRunWorkflowId } from './definitions';
import {
  approvalRefusal,
  automaticDeclineReason,
  fourEyesBreach,
  maxApprovable,
  reviewersMissing,
  reviewsComplete,
  reviewStepRefusal,
  runSteps,
  type FourEyesContext,
  type RunReview,
} from './rules';

const ME = 'me';
const chain = runSteps([
  { role: 'programme_manager', aboveAmount: 0 },
  { role: 'grant_committee', aboveAmount: 100_000 },
  { role: 'director', aboveAmount: 500_000 },
]);
const context = (overrides: Partial<FourEyesContext & { requested: number }> = {}) => ({
  reviewerIds: ['reviewer'],
  excludedApprovers: ['assessor', 'submitter'],
  steps: chain,
  current: 0,
  requested: 600_000,
  ...overrides,
});
const approve = (amount?: number) => ({ outcome: 'approve' as const, amount, reason: '' });

describe("the approval chain's rules", () => {
  it('give each step to its role only, in order: a later step’s role decides nothing yet', () => {
    expect(approvalRefusal({ userId: ME, roles: ['programme_manager'] }, approve(), context())).toBeNull();
    expect(approvalRefusal({ userId: ME, roles: ['grant_committee'] }, approve(), context())).toEqual({
      reason: 'not_your_step',
      role: 'programme_manager',
    });
    expect(
      approvalRefusal({ userId: ME, roles: ['programme_manager'] }, approve(), context({ current: 1 })),
    ).toEqual({ reason: 'not_your_step', role: 'grant_committee' });
  });

  it('keep four eyes: no reviewer, assessor or submitter, nor the decider of an earlier step', () => {
    for (const [userId, why] of [
      ['reviewer', 'reviewed'],
      ['assessor', 'excluded'],
      ['submitter', 'excluded'],
    ] as const) {
      expect(approvalRefusal({ userId, roles: ['programme_manager'] }, approve(), context())).toEqual({
        reason: 'four_eyes',
        why,
      });
    }
    const decided = chain.map((step, index) =>
      index === 0 ? { ...step, decidedBy: ME, amount: 600_000 } : step,
    );
    const at = context({ steps: decided, current: 1 });
    expect(fourEyesBreach(ME, at)).toBe('earlier_step');
    expect(
      approvalRefusal({ userId: ME, roles: ['programme_manager', 'grant_committee'] }, approve(), at),
    ).toEqual({
      reason: 'four_eyes',
      why: 'earlier_step',
    });
    expect(fourEyesBreach('someone else', at)).toBeNull();
  });

  it('approve no more than requested, nor more than an earlier step approved', () => {
    const manager = { userId: ME, roles: ['programme_manager'] };
    expect(approvalRefusal(manager, approve(600_001), context())).toEqual({
      reason: 'amount_too_high',
      max: 600_000,
    });
    expect(approvalRefusal(manager, approve(600_000), context())).toBeNull();
    const lowered = chain.map((step, index) =>
      index === 0 ? { ...step, decidedBy: 'pm', amount: 450_000 } : step,
    );
    expect(maxApprovable(600_000, lowered, 1)).toBe(450_000);
    expect(maxApprovable(600_000, lowered, 0)).toBe(600_000);
    expect(
      approvalRefusal(
        { userId: ME, roles: ['grant_committee'] },
        approve(450_001),
        context({ steps: lowered, current: 1 }),
      ),
    ).toEqual({ reason: 'amount_too_high', max: 450_000 });
  });

  it('need the reason the CBO reads for a decline or a return', () => {
    const manager = { userId: ME, roles: ['programme_manager'] };
    for (const outcome of ['decline', 'return'] as const) {
      expect(approvalRefusal(manager, { outcome, reason: '  ' }, context())).toEqual({
        reason: 'reason_required',
      });
      expect(approvalRefusal(manager, { outcome, reason: 'Too costly' }, context())).toBeNull();
    }
  });

  it('keep a chain without a step for the amount to one approver, never none', () => {
    expect(runSteps([]).map((step) => step.role)).toEqual(['approver']);
    expect(chain.every((step) => step.outcome === null && step.decidedBy === null)).toBe(true);
  });
});

describe("the review's rules", () => {
  const reviews: RunReview[] = [
    { reviewerId: 'a', status: 'conflict', taskId: 't1' },
    { reviewerId: 'b', status: 'assigned', taskId: 't2' },
    { reviewerId: 'c', status: 'cleared', taskId: 't3' },
    { reviewerId: 'd', status: 'scored', taskId: 't4' },
  ];

  it('let a reviewer declare once, then score once, only while assigned', () => {
    expect(reviewStepRefusal(reviews, 'a', 'declare')).toBe('not_assigned');
    expect(reviewStepRefusal(reviews, 'z', 'score')).toBe('not_assigned');
    expect(reviewStepRefusal(reviews, 'b', 'declare')).toBeNull();
    expect(reviewStepRefusal(reviews, 'b', 'score')).toBe('not_declared');
    expect(reviewStepRefusal(reviews, 'c', 'declare')).toBe('already_done');
    expect(reviewStepRefusal(reviews, 'c', 'score')).toBeNull();
    expect(reviewStepRefusal(reviews, 'd', 'score')).toBe('already_done');
  });

  it('count a conflict out: another reviewer is needed, and it is complete when enough have scored', () => {
    expect(reviewersMissing(reviews, 3)).toBe(0);
    expect(reviewersMissing(reviews, 4)).toBe(1);
    expect(reviewsComplete(reviews, 1)).toBe(true);
    expect(reviewsComplete(reviews, 2)).toBe(false);
  });

  it('give the automatic decline the rules it failed, for the catalogs to say', () => {
    expect(
      automaticDeclineReason({ passed: false, failed: ['cbo_not_grant_eligible', 'round_not_open'] }),
    ).toBe('rules:cbo_not_grant_eligible,round_not_open');
  });
});

describe("an application's workflow id", () => {
  it('is the same in the contracts and the workflows', () => {
    expect(grantApplicationRunWorkflowId('x')).toBe(grantApplicationWorkflowId('x'));
  });
});
