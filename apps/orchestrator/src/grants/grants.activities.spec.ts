import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '@bandanh/platform';
import { aStaffRecipient, aTask } from '../tasks/tasks.fakes';
import { fake, fakeRpc } from '../testing/factories';
import type { NotificationsService } from '../notifications/notifications.service';
import type { TasksService } from '../tasks/tasks.service';
import { serviceCall } from '../temporal/service-call';
import { grantApplicationActivities } from './grants.activities';

const APPLICATION_ID = '66666666-6666-4666-8666-666666666666';
const REVIEWER_ID = '99999999-9999-4999-8999-999999999999';
const TASK_ID = `grant-application-${APPLICATION_ID}:review_grant:1`;
const application = { id: APPLICATION_ID };
const review = { applicationId: APPLICATION_ID, reviewerId: REVIEWER_ID };

function activities(answers: Record<string, (input: unknown) => unknown> = {}) {
  const reviewer = aStaffRecipient({ userId: REVIEWER_ID, displayName: 'Dara', locale: 'en' });
  const nats = fakeRpc({
    'grants.run.begin': () => ({
      check: { passed: true, failed: [] },
      steps: [{ role: 'programme_manager', aboveAmount: 0 }],
      reviewersPerApplication: 2,
      excludedApprovers: [],
      requested: 90_000,
    }),
    'grants.run.recordStage': () => ({ application }),
    'grants.run.assignReviewers': () => ({ reviewerIds: [REVIEWER_ID] }),
    'grants.run.declare': () => ({ review }),
    'grants.run.recordReview': () => ({ review }),
    'grants.run.decide': () => ({ application }),
    'identity.account.byRole': () => ({ items: [aStaffRecipient(), reviewer] }),
    ...answers,
  });
  const notifications = fake<Pick<NotificationsService, 'send'>>({
    send: async (_caller, request) => ({
      key: request.key,
      workflowId: `notification-${request.key}`,
      started: true,
    }),
  });
  const dueAt = '2026-12-13T02:00:00.000Z';
  const tasks = fake<Pick<TasksService, 'find'>>({ find: async () => aTask({ id: TASK_ID, dueAt }) });
  const act = grantApplicationActivities({
    send: serviceCall(nats.rpc),
    notifications,
    tasks,
    webUrl: 'https://bandanh.example.org',
  });
  return { sent: nats.sent, act, notifications, dueAt };
}

describe("the grant application workflow's activities", () => {
  it('forward each step to the grants service as the orchestrator, with the event id', async () => {
    const { sent, act } = activities();
    await expect(
      act.beginGrantRun({ applicationId: APPLICATION_ID, eventId: 'wf:1:begin' }),
    ).resolves.toMatchObject({
      requested: 90_000,
      reviewersPerApplication: 2,
    });
    await act.recordGrantStage({
      applicationId: APPLICATION_ID,
      stage: 'review',
      eligibility: { outcome: 'eligible', reason: '', decidedBy: REVIEWER_ID },
      eventId: 'wf:1:review',
    });
    await expect(
      act.assignGrantReviewers({ applicationId: APPLICATION_ID, count: 2, eventId: 'wf:1:assign:1' }),
    ).resolves.toEqual({ reviewerIds: [REVIEWER_ID] });
    await act.declareGrantReview({ ...review, conflict: false, note: '', eventId: 'wf:1:declare:t' });
    await act.recordGrantReview({
      ...review,
      scores: [{ key: 'impact', score: 3, comment: '' }],
      comment: '',
      eventId: 'e',
    });
    await act.decideGrant({
      applicationId: APPLICATION_ID,
      outcome: 'approved',
      step: 0,
      role: 'programme_manager',
      decidedBy: REVIEWER_ID,
      amount: 90_000,
      reason: null,
      eventId: 'wf:1:decision:0:1',
    });
    expect(sent.map(({ subject }) => subject)).toEqual([
      'grants.run.begin',
      'grants.run.recordStage',
      'grants.run.assignReviewers',
      'grants.run.declare',
      'grants.run.recordReview',
      'grants.run.decide',
    ]);
    expect(sent.every(({ caller }) => caller.kind === 'system' && caller.service === 'orchestrator')).toBe(
      true,
    );
    expect(sent[1].input).toEqual({
      applicationId: APPLICATION_ID,
      stage: 'review',
      eligibility: { outcome: 'eligible', reason: '', decidedBy: REVIEWER_ID },
      eventId: 'wf:1:review',
    });
  });

  it("hand the envelope's refusal back to the workflow, final, with what remains", async () => {
    const { act } = activities({
      'grants.run.decide': () => {
        throw new DomainError('CONFLICT', 'Too little is left', {
          reason: 'envelope_exhausted',
          remaining: 5,
        });
      },
    });
    const failure = await act
      .decideGrant({
        applicationId: APPLICATION_ID,
        outcome: 'approved',
        step: 0,
        role: 'programme_manager',
        decidedBy: REVIEWER_ID,
        amount: 90_000,
        reason: null,
        eventId: 'e',
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      type: 'CONFLICT',
      nonRetryable: true,
      details: [{ reason: 'envelope_exhausted', remaining: 5 }],
    });
  });

  it('tell the assigned reviewer alone, in their language, once per review task', async () => {
    const { act, notifications, dueAt } = activities();
    await act.notifyGrantReviewer({
      applicationId: APPLICATION_ID,
      reviewerId: REVIEWER_ID,
      taskId: TASK_ID,
      label: 'GRT-AB12CD34 — Water',
    });
    expect(notifications.send).toHaveBeenCalledTimes(1);
    expect(notifications.send.mock.calls[0][1]).toEqual({
      key: `grant-review-assigned-${TASK_ID}`,
      kind: 'grant_review_assigned',
      locale: 'en',
      recipient: { email: expect.any(String), userId: REVIEWER_ID },
      params: {
        name: 'Dara',
        application: 'GRT-AB12CD34 — Water',
        dueAt,
        link: `https://bandanh.example.org/en/grants/reviews/${APPLICATION_ID}`,
      },
    });
  });

  it('tell nobody when the reviewer is no longer an active reviewer', async () => {
    const { act, notifications } = activities({ 'identity.account.byRole': () => ({ items: [] }) });
    await act.notifyGrantReviewer({
      applicationId: APPLICATION_ID,
      reviewerId: REVIEWER_ID,
      taskId: TASK_ID,
      label: 'x',
    });
    expect(notifications.send).not.toHaveBeenCalled();
  });
});
