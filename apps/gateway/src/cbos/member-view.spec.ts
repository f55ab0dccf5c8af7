import type { Caller, Cbo, PipelineState } from '@bandanh/contracts';
import { cboFor, pipelineFor } from './member-view';

const STAFF: Caller = {
  kind: 'staff',
  userId: '00000000-0000-4000-8000-000000000001',
  roles: ['coordinator'],
} as Caller;
const MEMBER: Caller = {
  kind: 'applicant',
  userId: '00000000-0000-4000-8000-000000000002',
  cboId: '00000000-0000-4000-8000-0000000000c1',
} as Caller;
const STAFF_ID = '00000000-0000-4000-8000-000000000009';

const cbo = {
  id: '00000000-0000-4000-8000-0000000000c1',
  name: 'Bavel Workers Association',
  foundBy: STAFF_ID,
  fieldVisitId: '00000000-0000-4000-8000-0000000000f1',
  likelyDuplicateOf: ['00000000-0000-4000-8000-0000000000c2'],
  possibleDuplicateOf: '00000000-0000-4000-8000-0000000000c2',
  duplicateDecision: 'different',
  duplicateOf: null,
} as unknown as Cbo;

const state = {
  cboId: cbo.id,
  workflowId: `cbo-pipeline-${cbo.id}`,
  stage: 'selection',
  assessedBy: STAFF_ID,
  reassessableFrom: null,
  history: [{ stage: 'selection', at: '2026-12-01T00:00:00.000Z', by: STAFF_ID, reason: null }],
  waitingFor: { step: 'selection', role: 'approver', taskId: 'task-1' },
} as PipelineState;

describe('what a member reads of their own group', () => {
  it('leaves out who recorded it, the field visit and the duplicate checks', () => {
    expect(cboFor(MEMBER, cbo)).toMatchObject({
      name: 'Bavel Workers Association',
      foundBy: null,
      fieldVisitId: null,
      likelyDuplicateOf: [],
      possibleDuplicateOf: null,
      duplicateDecision: null,
    });
  });

  it('names no staff member in the pipeline and shows no inbox task', () => {
    const seen = pipelineFor(MEMBER, state);
    expect(seen.assessedBy).toBeNull();
    expect(seen.history).toEqual([{ ...state.history[0], by: null }]);
    expect(seen.waitingFor).toEqual({ step: 'selection', role: 'approver', taskId: null });
    expect(seen.stage).toBe('selection');
  });

  it('gives staff everything', () => {
    expect(cboFor(STAFF, cbo)).toBe(cbo);
    expect(pipelineFor(STAFF, state)).toBe(state);
  });
});
