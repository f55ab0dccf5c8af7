import type { PipelineState } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';
import { assessUpdate, decideUpdate, reopenUpdate, withdrawUpdate } from '@bandanh/workflows';
import { applicant, CBO_ID, fake, fakeRpc, network, staff, STAFF_ID } from '../testing/factories';
import { PipelineService } from './pipeline.service';
import { PipelineWorkflows } from './pipeline.temporal';

const draft = {
  membersWomen: 12,
  membersMen: 9,
  ongoingActivities: 'Patrols of the community forest',
  plannedActivities: 'Mapping the land in dispute',
  ambitions: 'Secure communal land title',
  leadership: 'Elected committee of five',
  meetingsHeld: 10,
  recordsKept: true,
  registration: 'in_progress' as const,
  risks: 'Threats from a concession company',
  scores: { organisation: 4 },
};

function pipelineState(overrides: Partial<PipelineState> = {}): PipelineState {
  return {
    cboId: CBO_ID,
    workflowId: `cbo-pipeline-${CBO_ID}`,
    stage: 'selection',
    assessedBy: STAFF_ID,
    reassessableFrom: null,
    history: [],
    ...overrides,
  };
}

function pipelines(
  workflows: Partial<PipelineWorkflows> = {},
  getCbo: (input: unknown) => unknown = () => ({ cbo: { id: CBO_ID } }),
) {
  const fakes = fake<PipelineWorkflows>({ update: async () => pipelineState(), ...workflows });
  const nats = fakeRpc({
    'network.assessment.check': () => ({ parts: [], total: 80 }),
    'identity.audit.append': () => ({ seq: 1 }),
    'network.cbo.get': getCbo,
  });
  return { workflows: fakes, sent: nats.sent, service: new PipelineService(fakes, nats.rpc) };
}

describe('the pipeline service', () => {
  it('lets only the network service start a pipeline', async () => {
    const { workflows, service } = pipelines({
      start: async () => ({ workflowId: `cbo-pipeline-${CBO_ID}`, started: true }),
    });
    await expect(service.start(staff('coordinator', 'admin'), CBO_ID)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(service.start(network, CBO_ID)).resolves.toEqual({
      workflowId: `cbo-pipeline-${CBO_ID}`,
      started: true,
    });
    expect(workflows.start).toHaveBeenCalledTimes(1);
  });

  it("shows staff every pipeline and an applicant only their own CBO's", async () => {
    const { service } = pipelines({ view: async () => pipelineState() });
    await expect(service.get(staff('trainer'), CBO_ID)).resolves.toMatchObject({ cboId: CBO_ID });
    await expect(service.get(applicant(CBO_ID), CBO_ID)).resolves.toMatchObject({ cboId: CBO_ID });
    await expect(
      service.get(applicant('44444444-4444-4444-8444-444444444444'), CBO_ID),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(service.get(applicant(null), CBO_ID)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("checks an assessor's scores against the rubric before the step, and sends the step with the caller's roles", async () => {
    const { workflows, sent, service } = pipelines();
    await service.assess(staff('assessor'), CBO_ID, draft);
    expect(sent.map((message) => message.subject)).toEqual(['network.assessment.check']);
    expect(workflows.update).toHaveBeenCalledWith(CBO_ID, assessUpdate, {
      actor: { userId: STAFF_ID, roles: ['assessor'] },
      draft,
    });
  });

  it('leaves a non-assessor’s assessment to the workflow to refuse, and lets no one outside programme staff step', async () => {
    const { workflows, sent, service } = pipelines();
    await service.assess(staff('coordinator'), CBO_ID, draft);
    expect(sent).toEqual([]);
    expect(workflows.update).toHaveBeenCalledTimes(1);
    for (const caller of [staff('trainer'), applicant(), network]) {
      await expect(service.assess(caller, CBO_ID, draft)).rejects.toBeInstanceOf(DomainError);
      await expect(service.withdraw(caller, CBO_ID, 'Dissolved')).rejects.toBeInstanceOf(DomainError);
    }
    expect(workflows.update).toHaveBeenCalledTimes(1);
  });

  it('audits a refused decision (denied for four eyes, failure for a wrong stage), and passes the refusal on', async () => {
    const fourEyes = new DomainError('FORBIDDEN', 'four eyes', { reason: 'four_eyes' });
    const { sent, service } = pipelines({
      update: async () => {
        throw fourEyes;
      },
    });
    await expect(service.decide(staff('approver'), CBO_ID, { outcome: 'selected' })).rejects.toBe(fourEyes);
    expect(sent).toEqual([
      {
        subject: 'identity.audit.append',
        caller: { kind: 'system', service: 'orchestrator' },
        input: {
          action: 'cbo.selection.decide',
          targetType: 'cbo',
          targetId: CBO_ID,
          outcome: 'denied',
          details: { outcome: 'selected', reason: 'four_eyes' },
          onBehalfOf: STAFF_ID,
        },
      },
    ]);

    const early = pipelines({
      update: async () => {
        throw new DomainError('CONFLICT', 'wrong stage', { reason: 'wrong_stage', stage: 'assessment' });
      },
    });
    await expect(
      early.service.decide(staff('approver'), CBO_ID, { outcome: 'declined', reason: 'Not yet' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(early.sent[0].input).toMatchObject({
      outcome: 'failure',
      details: { outcome: 'declined', reason: 'wrong_stage' },
    });
  });

  it('audits nothing for a decision the workflow takes: the workflow audits it', async () => {
    const { workflows, sent, service } = pipelines();
    await expect(service.decide(staff('approver'), CBO_ID, { outcome: 'selected' })).resolves.toMatchObject({
      stage: 'selection',
    });
    expect(workflows.update).toHaveBeenCalledWith(CBO_ID, decideUpdate, {
      actor: { userId: STAFF_ID, roles: ['approver'] },
      decision: { outcome: 'selected' },
    });
    expect(sent).toEqual([]);
  });

  it('refuses a step for a pipeline that has ended as at the wrong stage, and keeps NOT_FOUND for none', async () => {
    const ended = pipelines({
      update: async () => gone(),
      find: async () => ({ running: false, stage: 'withdrawn' }),
    });
    await expect(ended.service.reopen(staff('coordinator'), CBO_ID)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'wrong_stage', stage: 'withdrawn' },
    });
    expect(ended.workflows.update).toHaveBeenCalledWith(CBO_ID, reopenUpdate, {
      actor: { userId: STAFF_ID, roles: ['coordinator'] },
    });

    // No pipeline, and no such CBO: not found at once.
    const none = pipelines({ update: async () => gone(), find: async () => undefined }, () => {
      throw DomainError.notFound('CBO', CBO_ID);
    });
    await expect(none.service.withdraw(staff('admin'), CBO_ID, 'Merged')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(none.workflows.update).toHaveBeenCalledTimes(1);
    expect(none.workflows.update).toHaveBeenCalledWith(CBO_ID, withdrawUpdate, {
      actor: { userId: STAFF_ID, roles: ['admin'] },
      reason: 'Merged',
    });
  });

  it('waits for the pipeline of a CBO just recorded, whose start is still on its way, then takes the step', async () => {
    let started = false;
    const { workflows, sent, service } = pipelines(
      {
        update: async () => (started ? pipelineState() : gone()),
        find: async () => {
          const found = started ? { running: true as const } : undefined;
          started = true; // the outbox starts it while the step looks
          return found;
        },
      },
      () => ({ cbo: { id: CBO_ID } }),
    );
    await expect(service.decide(staff('approver'), CBO_ID, { outcome: 'selected' })).resolves.toMatchObject({
      cboId: CBO_ID,
    });
    expect(workflows.update).toHaveBeenCalledTimes(2);
    expect(sent.map((message) => message.subject)).toEqual(['network.cbo.get']);
  });

  it('sends the step again to a pipeline that started between the step and the look', async () => {
    let tries = 0;
    const { workflows, sent, service } = pipelines({
      update: async () => (++tries === 1 ? gone() : pipelineState({ stage: 'participant' })),
      find: async () => ({ running: true }),
    });
    await expect(service.decide(staff('approver'), CBO_ID, { outcome: 'selected' })).resolves.toMatchObject({
      stage: 'participant',
    });
    expect(workflows.update).toHaveBeenCalledTimes(2);
    expect(sent).toEqual([]);
  });
});

function gone(): never {
  throw DomainError.notFound('Pipeline of CBO', CBO_ID);
}

describe("the training programme's start, told to a CBO's pipeline", () => {
  const training = { kind: 'system' as const, service: 'training' as const };

  it('is sent by the training service only, and says whether a running pipeline heard it', async () => {
    const { workflows, service } = pipelines({ signalTrainingStarted: async () => true });
    for (const caller of [network, staff('coordinator', 'admin'), applicant()]) {
      await expect(service.trainingStarted(caller, CBO_ID)).rejects.toBeInstanceOf(DomainError);
    }
    await expect(service.trainingStarted(training, CBO_ID)).resolves.toEqual({ signalled: true });
    expect(workflows.signalTrainingStarted).toHaveBeenCalledTimes(1);
    expect(workflows.signalTrainingStarted).toHaveBeenCalledWith(CBO_ID);
  });

  it('answers signalled: false for a CBO without a running pipeline, without failing', async () => {
    const { service } = pipelines({ signalTrainingStarted: async () => false });
    await expect(service.trainingStarted(training, CBO_ID)).resolves.toEqual({ signalled: false });
  });
});
