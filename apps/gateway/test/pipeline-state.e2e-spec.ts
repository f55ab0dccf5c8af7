import { waitFor } from '@bandanh/platform/testing';
import { STAFF, TestStack } from './stack';

/**
 * The pipeline answers what it waits for from its workflow's own state, so a page never guesses
 * from an inbox that may not hold the task (an assessor does not see the approvers' tasks).
 */
describe("a CBO pipeline's state over the API", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start('pipeline-state');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const api = async (path: string, token: string, json?: unknown) => {
    const response = await fetch(`${stack.gatewayUrl}${path}`, {
      method: json === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  it("reports the approver's decision as the step it waits for right after the assessment, with its task", async () => {
    const [coordinator, assessor, approver] = await Promise.all(
      (['coordinator', 'assessor', 'approver'] as const).map((role) => stack.tokenFor(STAFF[role])),
    );
    const { id } = await stack.recordCbo({
      name: 'Pipeline State Fishers',
      provinceCode: 'KH-2',
      focusIssues: ['fisheries'],
      foundVia: 'field_visit',
      acknowledgeDuplicates: true,
    });
    const atAssessment = await waitFor(
      async () => {
        const { body } = await api(`/api/cbos/${id}/pipeline`, coordinator);
        return body.stage === 'assessment' && body.waitingFor?.step === 'assessment' ? body : undefined;
      },
      { what: 'the pipeline at assessment' },
    );
    expect(atAssessment.waitingFor).toEqual({
      step: 'assessment',
      role: 'assessor',
      taskId: expect.any(String),
    });

    const { body: settings } = await api('/api/settings/network', coordinator);
    const scores = Object.fromEntries(settings.settings.rubric.map((c: { key: string }) => [c.key, 3]));
    const assessed = await api(`/api/cbos/${id}/assessment`, assessor, {
      membersWomen: 9,
      membersMen: 7,
      ongoingActivities: 'Patrols of the flooded forest',
      plannedActivities: 'A fish sanctuary',
      ambitions: 'Fishing rights for the village',
      leadership: 'A committee of five',
      meetingsHeld: 6,
      recordsKept: true,
      registration: 'in_progress',
      risks: 'Illegal fishing lots',
      scores,
    });
    expect(assessed.status).toBe(200);

    // At once, as the assessor who cannot see the approvers' inbox: the pipeline says whose step it is.
    const state = await api(`/api/cbos/${id}/pipeline`, assessor);
    expect(state.status).toBe(200);
    expect(state.body).toMatchObject({ stage: 'selection' });
    expect(state.body.waitingFor).toEqual({
      step: 'selection',
      role: 'approver',
      taskId: expect.any(String),
    });
    const mine = await api(`/api/tasks?cboId=${id}&all=true`, assessor);
    expect(mine.body.items).toEqual([]);
    // The task it names is the approver's, open in their inbox.
    const theirs = await api(`/api/tasks?cboId=${id}`, approver);
    expect(theirs.body.items.map((task: { id: string }) => task.id)).toEqual([state.body.waitingFor.taskId]);

    // Once selected, it waits for the training programme; no person's task.
    const decided = await api(`/api/cbos/${id}/decision`, approver, { outcome: 'selected' });
    expect(decided.status).toBe(200);
    const after = await api(`/api/cbos/${id}/pipeline`, coordinator);
    expect(after.body.waitingFor).toEqual({ step: 'training', role: null, taskId: null });
  });
});
