import { ApplicationFailure } from '@temporalio/common';
import type { Contract } from '@bandanh/contracts';
import type { OpenTaskInput } from '@bandanh/workflows';
import { CBO_ID, fake, STAFF_ID } from '../testing/factories';
import type { ServiceCall } from '../temporal/service-call';
import { TasksService } from '../tasks/tasks.service';
import { pipelineActivities } from './pipeline.activities';

const TIMINGS = { remindAfter: '3 days', escalateAfter: '2 days', escalateTo: 'approver' as const };
const openTask: OpenTaskInput = {
  taskId: 'wf:decide_selection:2',
  kind: 'decide_selection',
  workflowId: 'wf',
  cboId: CBO_ID,
  subjectId: CBO_ID,
  subjectLabel: 'Prey Lang Community Network',
  assigneeRole: 'approver',
};
const draft = {
  membersWomen: 1,
  membersMen: 1,
  ongoingActivities: 'a',
  plannedActivities: 'b',
  ambitions: 'c',
  leadership: 'd',
  meetingsHeld: 1,
  recordsKept: true,
  registration: 'in_progress' as const,
  risks: 'e',
  scores: {},
};

/** The owning services as the activities reach them: what each subject was sent, in order. */
function world(answers: Record<string, (input: any) => unknown> = {}) {
  const sent: Array<[string, unknown]> = [];
  const send = (async (contract: Contract, input: unknown) => {
    sent.push([contract.subject, input]);
    const answer = answers[contract.subject];
    return answer ? answer(input) : {};
  }) as ServiceCall;
  const tasks = fake<TasksService>({ open: async () => TIMINGS, close: async () => undefined });
  return { sent, tasks, activities: pipelineActivities({ send, tasks }) };
}

describe('the pipeline’s one move per step', () => {
  it('stores the assessment first, then the stage and both tasks together, and answers the new task’s timings', async () => {
    const { sent, tasks, activities } = world();
    const result = await activities.recordMove({
      cboId: CBO_ID,
      stage: 'selection',
      assessment: { stepId: 'wf:assessment:1', assessedBy: STAFF_ID, draft },
      closeTask: { taskId: 'wf:assess_cbo:1', status: 'done', closedBy: STAFF_ID },
      openTask,
    });
    expect(result).toEqual({ timings: TIMINGS, reassessmentWaitDays: null });
    expect(sent).toEqual([
      [
        'network.assessment.record',
        { stepId: 'wf:assessment:1', cboId: CBO_ID, assessedBy: STAFF_ID, draft },
      ],
      ['network.cbo.recordStage', { id: CBO_ID, stage: 'selection', decision: undefined }],
    ]);
    expect(tasks.open).toHaveBeenCalledWith(openTask);
    expect(tasks.close).toHaveBeenCalledWith('wf:assess_cbo:1', 'done', STAFF_ID);
  });

  it('changes nothing when the assessment is refused', async () => {
    const refusal = ApplicationFailure.create({
      message: 'Off the rubric',
      type: 'VALIDATION_FAILED',
      nonRetryable: true,
    });
    const { sent, tasks, activities } = world({
      'network.assessment.record': () => {
        throw refusal;
      },
    });
    await expect(
      activities.recordMove({
        cboId: CBO_ID,
        stage: 'selection',
        assessment: { stepId: 'wf:assessment:1', assessedBy: STAFF_ID, draft },
        closeTask: { taskId: 'wf:assess_cbo:1', status: 'done', closedBy: STAFF_ID },
        openTask,
      }),
    ).rejects.toBe(refusal);
    expect(sent.map(([subject]) => subject)).toEqual(['network.assessment.record']);
    expect(tasks.open).not.toHaveBeenCalled();
    expect(tasks.close).not.toHaveBeenCalled();
  });

  it('writes a decline with its audit entry and asks the waiting time, and fails (to be retried) if any part fails', async () => {
    let auditUp = false;
    const { sent, activities } = world({
      'network.cbo.screen': () => ({ name: 'x', declineReason: null, reassessmentWaitDays: 90 }),
      'identity.audit.append': () => {
        if (!auditUp) throw new Error('The audit log is not answering');
        return { seq: 1 };
      },
    });
    const decline = {
      cboId: CBO_ID,
      stage: 'declined' as const,
      decision: { outcome: 'declined' as const, reason: 'Not yet' },
      closeTask: { taskId: 'wf:decide_selection:2', status: 'done' as const, closedBy: STAFF_ID },
      audit: { eventId: 'wf:decision:4', actorId: STAFF_ID, outcome: 'declined' as const },
      reassessmentWait: true,
    };
    await expect(activities.recordMove(decline)).rejects.toThrow('The audit log is not answering');
    auditUp = true;
    await expect(activities.recordMove(decline)).resolves.toEqual({
      timings: null,
      reassessmentWaitDays: 90,
    });
    expect(sent.filter(([subject]) => subject === 'identity.audit.append').at(-1)).toEqual([
      'identity.audit.append',
      {
        action: 'cbo.selection.decide',
        targetType: 'cbo',
        targetId: CBO_ID,
        outcome: 'success',
        details: { outcome: 'declined' },
        onBehalfOf: STAFF_ID,
        eventId: 'wf:decision:4',
      },
    ]);
    expect(sent.filter(([subject]) => subject === 'network.cbo.recordStage').at(-1)).toEqual([
      'network.cbo.recordStage',
      { id: CBO_ID, stage: 'declined', decision: { outcome: 'declined', reason: 'Not yet' } },
    ]);
  });
});

describe('a selection decision’s notifications', () => {
  function notifying(failStage = false) {
    const notices: unknown[] = [];
    const send = (async (contract: Contract) => {
      if (failStage && contract.subject === 'network.cbo.recordStage') throw new Error('network is down');
      return { reassessmentWaitDays: 90 };
    }) as ServiceCall;
    const tasks = fake<TasksService>({ open: async () => TIMINGS, close: async () => undefined });
    const activities = pipelineActivities({
      send,
      tasks,
      notifyDecision: async (notice) => {
        notices.push(notice);
      },
    });
    return { notices, activities };
  }

  it('tells the members once the decision is stored, keyed by the decision’s audit event', async () => {
    const { notices, activities } = notifying();
    await activities.recordMove({
      cboId: CBO_ID,
      stage: 'declined',
      decision: { outcome: 'declined', reason: 'Not yet' },
      audit: { eventId: `cbo-pipeline-${CBO_ID}:decision:4`, actorId: STAFF_ID, outcome: 'declined' },
      reassessmentWait: true,
    });
    expect(notices).toEqual([
      { cboId: CBO_ID, key: `decision-${CBO_ID}-4`, outcome: 'declined', reason: 'Not yet' },
    ]);
  });

  it('keys the programme rule’s decline at set-up once per pipeline, and tells nobody of a plain move', async () => {
    const { notices, activities } = notifying();
    await activities.recordMove({ cboId: CBO_ID, stage: 'assessment' });
    expect(notices).toEqual([]);
    await activities.recordMove({
      cboId: CBO_ID,
      stage: 'declined',
      decision: { outcome: 'declined', reason: 'Development CBOs wait for phase 2' },
    });
    expect(notices).toEqual([
      {
        cboId: CBO_ID,
        key: `decision-${CBO_ID}-screened`,
        outcome: 'declined',
        reason: 'Development CBOs wait for phase 2',
      },
    ]);
  });

  it('tells nobody of a decision that was not stored', async () => {
    const { notices, activities } = notifying(true);
    await expect(
      activities.recordMove({
        cboId: CBO_ID,
        stage: 'participant',
        decision: { outcome: 'selected', reason: null },
        audit: { eventId: 'wf:decision:3', actorId: STAFF_ID, outcome: 'selected' },
      }),
    ).rejects.toThrow('network is down');
    expect(notices).toEqual([]);
  });
});
