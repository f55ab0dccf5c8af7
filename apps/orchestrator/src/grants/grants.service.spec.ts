import { grantApplicationWorkflowId, type GrantApplicationRun } from '@bandanh/contracts';
import { DomainError, systemCaller } from '@bandanh/platform';
import {
  decideApprovalUpdate,
  decideEligibilityUpdate,
  declareConflictUpdate,
  grantApplicationRunWorkflowId,
  scoreUpdate,
} from '@bandanh/workflows';
import { applicant, CBO_ID, config, fake, network, staff, STAFF_ID } from '../testing/factories';
import { GrantApplicationsService } from './grants.service';
import { GrantApplicationWorkflows } from './grants.temporal';

const APPLICATION_ID = '66666666-6666-4666-8666-666666666666';
const ROUND_ID = '77777777-7777-4777-8777-777777777777';
const OTHER_REVIEWER = '88888888-8888-4888-8888-888888888888';
const grants = systemCaller('grants');

function run(overrides: Partial<GrantApplicationRun> = {}): GrantApplicationRun {
  return {
    applicationId: APPLICATION_ID,
    workflowId: `grant-application-${APPLICATION_ID}`,
    stage: 'review',
    cycle: 1,
    requested: 150_000,
    eligibility: { check: { passed: true, failed: [] }, decision: null, taskId: null },
    reviewersNeeded: 2,
    reviews: [
      { reviewerId: STAFF_ID, status: 'assigned', taskId: 't1' },
      { reviewerId: OTHER_REVIEWER, status: 'assigned', taskId: 't2' },
    ],
    steps: [],
    currentStep: null,
    approvalTaskId: null,
    approvedAmount: null,
    ...overrides,
  };
}

const started = {
  applicationId: APPLICATION_ID,
  cboId: CBO_ID,
  roundId: ROUND_ID,
  label: 'GRT-AB12CD34 — Water',
};

function applications(workflows: Partial<GrantApplicationWorkflows> = {}, env: Record<string, string> = {}) {
  const fakes = fake<GrantApplicationWorkflows>({
    start: async () => ({ workflowId: `grant-application-${APPLICATION_ID}`, started: true }),
    signalResubmitted: async () => true,
    view: async () => run(),
    update: async () => run(),
    ...workflows,
  });
  return { workflows: fakes, service: new GrantApplicationsService(fakes, config(env)) };
}

describe('the grant applications’ runs', () => {
  it('are started by the grants service only, once, with the configured reviewer retry', async () => {
    const { workflows, service } = applications({}, { GRANT_REVIEWER_RETRY: '30 minutes' });
    for (const caller of [staff('admin', 'coordinator'), network, systemCaller('training'), applicant()]) {
      await expect(service.start(caller, started)).rejects.toMatchObject({
        code: expect.stringMatching(/FORBIDDEN|UNAUTHENTICATED/),
      });
    }
    await expect(service.start(grants, started)).resolves.toEqual({
      workflowId: `grant-application-${APPLICATION_ID}`,
      started: true,
    });
    expect(workflows.start).toHaveBeenCalledTimes(1);
    expect(workflows.start).toHaveBeenCalledWith({ ...started, reviewerRetry: '30 minutes' });
  });

  it('hear of a resubmission from the grants service only, and say whether a workflow was told', async () => {
    const { workflows, service } = applications({ signalResubmitted: async () => false });
    await expect(service.resubmitted(staff('admin'), APPLICATION_ID, 2)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(service.resubmitted(grants, APPLICATION_ID, 2)).resolves.toEqual({ signalled: false });
    expect(workflows.signalResubmitted).toHaveBeenCalledWith(APPLICATION_ID, 2);
  });

  it('are read by grant readers, and by a reviewer only while assigned to it', async () => {
    const { service } = applications();
    for (const role of ['coordinator', 'programme_manager', 'finance', 'director'] as const) {
      await expect(service.get(staff(role), APPLICATION_ID)).resolves.toMatchObject({ stage: 'review' });
    }
    await expect(service.get(staff('reviewer'), APPLICATION_ID)).resolves.toMatchObject({ stage: 'review' });
    const conflicted = applications({
      view: async () => run({ reviews: [{ reviewerId: STAFF_ID, status: 'conflict', taskId: 't1' }] }),
    });
    await expect(conflicted.service.get(staff('reviewer'), APPLICATION_ID)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const other = applications({ view: async () => run({ reviews: [] }) });
    await expect(other.service.get(staff('reviewer'), APPLICATION_ID)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    for (const caller of [staff('trainer', 'assessor'), applicant(), grants]) {
      await expect(service.get(caller, APPLICATION_ID)).rejects.toBeInstanceOf(DomainError);
    }
  });

  it("send each step with the caller's roles, from its role group only", async () => {
    const { workflows, service } = applications();
    await service.decideEligibility(staff('coordinator'), {
      applicationId: APPLICATION_ID,
      outcome: 'ineligible',
      reason: 'No bank account',
    });
    expect(workflows.update).toHaveBeenLastCalledWith(APPLICATION_ID, decideEligibilityUpdate, {
      actor: { userId: STAFF_ID, roles: ['coordinator'] },
      outcome: 'ineligible',
      reason: 'No bank account',
    });
    await service.declareConflict(staff('reviewer'), {
      applicationId: APPLICATION_ID,
      conflict: true,
      note: 'Cousin',
    });
    expect(workflows.update).toHaveBeenLastCalledWith(APPLICATION_ID, declareConflictUpdate, {
      actor: { userId: STAFF_ID, roles: ['reviewer'] },
      conflict: true,
      note: 'Cousin',
    });
    const scores = [{ key: 'impact', score: 4, comment: '' }];
    await service.score(staff('reviewer'), { applicationId: APPLICATION_ID, scores, comment: 'Good' });
    expect(workflows.update).toHaveBeenLastCalledWith(APPLICATION_ID, scoreUpdate, {
      actor: { userId: STAFF_ID, roles: ['reviewer'] },
      scores,
      comment: 'Good',
    });
    await service.decide(staff('grant_committee'), {
      applicationId: APPLICATION_ID,
      outcome: 'approve',
      amount: 90_000,
      reason: '',
    });
    expect(workflows.update).toHaveBeenLastCalledWith(APPLICATION_ID, decideApprovalUpdate, {
      actor: { userId: STAFF_ID, roles: ['grant_committee'] },
      outcome: 'approve',
      amount: 90_000,
      reason: '',
    });
    await service.decide(staff('director'), {
      applicationId: APPLICATION_ID,
      outcome: 'decline',
      reason: 'No',
    });
    expect(workflows.update).toHaveBeenLastCalledWith(APPLICATION_ID, decideApprovalUpdate, {
      actor: { userId: STAFF_ID, roles: ['director'] },
      outcome: 'decline',
      reason: 'No',
    });
    expect(workflows.update).toHaveBeenCalledTimes(5);

    const eligibility = { applicationId: APPLICATION_ID, outcome: 'eligible' as const, reason: '' };
    for (const caller of [staff('reviewer', 'programme_manager'), applicant(), grants]) {
      await expect(service.decideEligibility(caller, eligibility)).rejects.toBeInstanceOf(DomainError);
    }
    for (const caller of [staff('coordinator', 'admin'), applicant()]) {
      await expect(
        service.declareConflict(caller, { applicationId: APPLICATION_ID, conflict: false, note: '' }),
      ).rejects.toBeInstanceOf(DomainError);
      await expect(
        service.score(caller, { applicationId: APPLICATION_ID, scores, comment: '' }),
      ).rejects.toBeInstanceOf(DomainError);
    }
    for (const caller of [staff('coordinator', 'admin', 'reviewer'), applicant(), grants]) {
      await expect(
        service.decide(caller, { applicationId: APPLICATION_ID, outcome: 'approve', reason: '' }),
      ).rejects.toMatchObject({ code: expect.stringMatching(/FORBIDDEN|UNAUTHENTICATED/) });
    }
    expect(workflows.update).toHaveBeenCalledTimes(5);
  });

  it('pass on what the workflow or the grants service refuses, as it was', async () => {
    const refusal = new DomainError('CONFLICT', 'Too little is left of the envelope', {
      reason: 'envelope_exhausted',
      remaining: 50_000,
    });
    const { service } = applications({
      update: async () => {
        throw refusal;
      },
    });
    await expect(
      service.decide(staff('programme_manager'), {
        applicationId: APPLICATION_ID,
        outcome: 'approve',
        reason: '',
      }),
    ).rejects.toBe(refusal);
  });

  it('refuse a step on an application whose run has ended with where it is, and pass on an unknown one', async () => {
    const notFound = () => {
      throw DomainError.notFound('Grant application', APPLICATION_ID);
    };
    const declined = applications({
      update: async () => notFound(),
      running: async () => false,
      view: async () => run({ stage: 'declined' }),
    });
    await expect(
      declined.service.decideEligibility(staff('coordinator'), {
        applicationId: APPLICATION_ID,
        outcome: 'eligible',
        reason: '',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'wrong_stage', stage: 'declined' } });
    const unknown = applications({ update: async () => notFound(), running: async () => undefined });
    await expect(
      unknown.service.score(staff('reviewer'), { applicationId: APPLICATION_ID, scores: [], comment: '' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe("an application's workflow id", () => {
  it('is the same in the contracts and the workflows', () => {
    expect(grantApplicationWorkflowId(APPLICATION_ID)).toBe(grantApplicationRunWorkflowId(APPLICATION_ID));
  });
});
