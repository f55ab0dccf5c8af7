import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '@bandanh/platform';
import { fakeRpc } from '../testing/factories';
import { serviceCall } from '../temporal/service-call';
import { trainingSessionActivities } from './training.activities';

const SESSION_ID = '66666666-6666-4666-8666-666666666666';
const CBO_ID = '33333333-3333-4333-8333-333333333333';
const session = { id: SESSION_ID };

function activities(answers: Record<string, (input: unknown) => unknown> = {}) {
  const nats = fakeRpc({
    'training.session.invite': () => ({ invitedCboIds: [CBO_ID] }),
    'training.session.remind': () => ({ notified: 3 }),
    'training.session.reschedule': () => ({ session }),
    'training.session.cancel': () => ({ session }),
    'training.session.hold': () => ({ memberIds: ['m1', 'm2'] }),
    'training.session.recordAttendance': () => ({ recorded: 2 }),
    'training.session.complete': () => ({
      completed: [
        { cboId: CBO_ID, completedModuleIds: ['human_rights'], requiredModuleIds: ['human_rights'] },
      ],
    }),
    ...answers,
  });
  return { sent: nats.sent, act: trainingSessionActivities({ send: serviceCall(nats.rpc) }) };
}

describe("the training session workflow's activities", () => {
  it('forward each step to the training service as the orchestrator, with the event id', async () => {
    const { sent, act } = activities();
    await act.sendInvitations({ sessionId: SESSION_ID, eventId: 'wf:invitations' });
    await act.remindInvitees({
      sessionId: SESSION_ID,
      eventId: 'wf:r',
      lead: '1 day',
      startsAt: '2026-12-10T02:00:00.000Z',
    });
    await act.announceMove({
      sessionId: SESSION_ID,
      eventId: 'wf:move:1',
      startsAt: '2026-12-11T02:00:00.000Z',
      endsAt: '2026-12-11T05:00:00.000Z',
      movedBy: 'u1',
    });
    await act.announceCancellation({
      sessionId: SESSION_ID,
      eventId: 'wf:cancel',
      reason: 'Flood',
      cancelledBy: 'u1',
    });
    await expect(act.expectedAttendees({ sessionId: SESSION_ID })).resolves.toEqual({
      memberIds: ['m1', 'm2'],
    });
    await act.recordAttendance({
      sessionId: SESSION_ID,
      eventId: 'wf:attendance',
      recordedBy: 'u1',
      marks: [{ memberId: 'm1', mark: 'present' }],
    });
    await expect(act.completeSession({ sessionId: SESSION_ID, moduleId: 'human_rights' })).resolves.toEqual({
      completed: [
        { cboId: CBO_ID, completedModuleIds: ['human_rights'], requiredModuleIds: ['human_rights'] },
      ],
    });
    expect(sent.map(({ subject }) => subject)).toEqual([
      'training.session.invite',
      'training.session.remind',
      'training.session.reschedule',
      'training.session.cancel',
      'training.session.hold',
      'training.session.recordAttendance',
      'training.session.complete',
    ]);
    expect(sent.every(({ caller }) => caller.kind === 'system' && caller.service === 'orchestrator')).toBe(
      true,
    );
    expect(sent[2].input).toEqual({
      sessionId: SESSION_ID,
      eventId: 'wf:move:1',
      startsAt: '2026-12-11T02:00:00.000Z',
      endsAt: '2026-12-11T05:00:00.000Z',
      movedBy: 'u1',
    });
  });

  it("hand the scheduling rules' refusal of a move back to the workflow, final, with its reason", async () => {
    const { act } = activities({
      'training.session.reschedule': () => {
        throw new DomainError('CONFLICT', 'The trainer is not available then', {
          reason: 'outside_availability',
        });
      },
    });
    const failure = await act
      .announceMove({
        sessionId: SESSION_ID,
        eventId: 'wf:move:1',
        startsAt: '2026-12-11T02:00:00.000Z',
        endsAt: '2026-12-11T05:00:00.000Z',
        movedBy: 'u1',
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      type: 'CONFLICT',
      nonRetryable: true,
      details: [{ reason: 'outside_availability' }],
    });
  });
});
