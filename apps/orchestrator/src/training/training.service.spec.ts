import { trainingSessionRunWorkflowId, type TrainingSessionRun } from '@bandanh/contracts';
import { DomainError, systemCaller } from '@bandanh/platform';
import {
  cancelSessionUpdate,
  moveSessionUpdate,
  recordAttendanceUpdate,
  trainingSessionWorkflowId,
} from '@bandanh/workflows';
import { applicant, config, fake, network, staff, STAFF_ID } from '../testing/factories';
import { TrainingSessionsService } from './training.service';
import { TrainingSessionWorkflows } from './training.temporal';

const SESSION_ID = '66666666-6666-4666-8666-666666666666';
const MEMBER_ID = '77777777-7777-4777-8777-777777777777';
const training = systemCaller('training');

function run(overrides: Partial<TrainingSessionRun> = {}): TrainingSessionRun {
  return {
    sessionId: SESSION_ID,
    workflowId: `training-session-${SESSION_ID}`,
    state: 'invited',
    startsAt: '2026-12-10T02:00:00.000Z',
    endsAt: '2026-12-10T05:00:00.000Z',
    nextReminder: null,
    attendanceTaskId: null,
    cancelReason: null,
    ...overrides,
  };
}

const started = {
  sessionId: SESSION_ID,
  moduleId: 'human_rights',
  label: 'Human rights, Battambang, 10 Dec',
  trainerIds: [STAFF_ID],
  startsAt: '2026-12-10T02:00:00.000Z',
  endsAt: '2026-12-10T05:00:00.000Z',
};

function sessions(workflows: Partial<TrainingSessionWorkflows> = {}, env: Record<string, string> = {}) {
  const fakes = fake<TrainingSessionWorkflows>({
    start: async () => ({ workflowId: `training-session-${SESSION_ID}`, started: true }),
    view: async () => run(),
    update: async () => run(),
    ...workflows,
  });
  return { workflows: fakes, service: new TrainingSessionsService(fakes, config(env)) };
}

describe('the training sessions’ runs', () => {
  it('are started by the training service only, with the configured reminder leads', async () => {
    const { workflows, service } = sessions({}, { TRAINING_REMINDER_LEADS: '2 days, 2h' });
    for (const caller of [staff('coordinator', 'admin', 'trainer'), network, applicant()]) {
      await expect(service.start(caller, started)).rejects.toMatchObject({
        code: expect.stringMatching(/FORBIDDEN|UNAUTHENTICATED/),
      });
    }
    await expect(service.start(training, started)).resolves.toEqual({
      workflowId: `training-session-${SESSION_ID}`,
      started: true,
    });
    expect(workflows.start).toHaveBeenCalledTimes(1);
    expect(workflows.start).toHaveBeenCalledWith({ ...started, reminderLeads: ['2 days', '2h'] });
  });

  it('are read by the training readers, not by members or other staff', async () => {
    const { service } = sessions();
    await expect(service.get(staff('trainer'), SESSION_ID)).resolves.toMatchObject({ state: 'invited' });
    await expect(service.get(staff('assessor'), SESSION_ID)).resolves.toMatchObject({ state: 'invited' });
    for (const caller of [staff('finance'), applicant(), training]) {
      await expect(service.get(caller, SESSION_ID)).rejects.toBeInstanceOf(DomainError);
    }
  });

  it("send a move and a cancellation with the caller's roles, from the session schedulers only", async () => {
    const { workflows, service } = sessions();
    await service.move(staff('trainer'), SESSION_ID, '2026-12-11T02:00:00.000Z', '2026-12-11T05:00:00.000Z');
    expect(workflows.update).toHaveBeenCalledWith(SESSION_ID, moveSessionUpdate, {
      actor: { userId: STAFF_ID, roles: ['trainer'] },
      startsAt: '2026-12-11T02:00:00.000Z',
      endsAt: '2026-12-11T05:00:00.000Z',
    });
    await service.cancel(staff('coordinator'), SESSION_ID, 'The river flooded the road');
    expect(workflows.update).toHaveBeenLastCalledWith(SESSION_ID, cancelSessionUpdate, {
      actor: { userId: STAFF_ID, roles: ['coordinator'] },
      reason: 'The river flooded the road',
    });
    for (const caller of [staff('assessor', 'approver'), applicant(), training]) {
      await expect(service.cancel(caller, SESSION_ID, 'no')).rejects.toBeInstanceOf(DomainError);
      await expect(
        service.move(caller, SESSION_ID, '2026-12-11T02:00:00.000Z', '2026-12-11T05:00:00.000Z'),
      ).rejects.toBeInstanceOf(DomainError);
    }
    expect(workflows.update).toHaveBeenCalledTimes(2);
  });

  it('take attendance from trainers only (the workflow checks it is a trainer of the session)', async () => {
    const { workflows, service } = sessions({ update: async () => run({ state: 'attendance_recorded' }) });
    const marks = [{ memberId: MEMBER_ID, mark: 'present' as const }];
    await expect(service.recordAttendance(staff('trainer'), SESSION_ID, marks)).resolves.toMatchObject({
      state: 'attendance_recorded',
    });
    expect(workflows.update).toHaveBeenCalledWith(SESSION_ID, recordAttendanceUpdate, {
      actor: { userId: STAFF_ID, roles: ['trainer'] },
      marks,
    });
    await expect(service.recordAttendance(staff('coordinator'), SESSION_ID, marks)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(workflows.update).toHaveBeenCalledTimes(1);
  });

  it('pass on what the workflow or the training service refuses, as it was', async () => {
    const refusal = new DomainError('CONFLICT', 'The trainer is booked elsewhere then', {
      reason: 'trainer_double_booked',
    });
    const { service } = sessions({
      update: async () => {
        throw refusal;
      },
    });
    await expect(
      service.move(staff('coordinator'), SESSION_ID, '2026-12-11T02:00:00.000Z', '2026-12-11T05:00:00.000Z'),
    ).rejects.toBe(refusal);
  });

  it('refuse a step on a session whose run has ended with the reason, and pass on an unknown one', async () => {
    const notFound = () => {
      throw DomainError.notFound('Training session', SESSION_ID);
    };
    const cancelled = sessions({
      update: async () => notFound(),
      running: async () => false,
      view: async () => run({ state: 'cancelled', cancelReason: 'Flood' }),
    });
    await expect(cancelled.service.cancel(staff('admin'), SESSION_ID, 'again')).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'session_cancelled', state: 'cancelled' },
    });
    const completed = sessions({
      update: async () => notFound(),
      running: async () => false,
      view: async () => run({ state: 'completed' }),
    });
    await expect(completed.service.recordAttendance(staff('trainer'), SESSION_ID, [])).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'already_held' },
    });
    const unknown = sessions({ update: async () => notFound(), running: async () => undefined });
    await expect(unknown.service.cancel(staff('admin'), SESSION_ID, 'why')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe("a session's workflow id", () => {
  it('is the same in the contracts and the workflows', () => {
    expect(trainingSessionRunWorkflowId(SESSION_ID)).toBe(trainingSessionWorkflowId(SESSION_ID));
  });
});
