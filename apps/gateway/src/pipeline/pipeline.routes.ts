import { z } from 'zod';
import {
  AssessmentDraft,
  AssessmentList,
  DecidedDuplicate,
  DuplicateDecisionDraft,
  PipelineState,
  ROLE_GROUPS,
  SelectionDecision,
} from '@bandanh/contracts';
import { CboId, DENIED, defineRoute, problem } from '../http/route-def';

/** What a pipeline step may answer instead of the pipeline after it. */
const stepRefusals = {
  400: problem('A field is missing or wrong; `details.issues` names it'),
  404: problem('No such CBO or pipeline'),
  409: problem('The CBO is not at the stage this step needs (`details.stage`), or another step is running'),
  ...DENIED,
};

/** The staff steps of a CBO's pipeline: assessment, selection, reassessment, withdrawal. */
export const PIPELINE_ROUTES = {
  assessCbo: defineRoute({
    method: 'POST',
    path: '/api/cbos/:id/assessment',
    operationId: 'assessCbo',
    summary: 'Records the needs assessment and its rubric scores; the CBO moves on to selection',
    tag: 'pipeline',
    access: ROLE_GROUPS.assessors,
    params: CboId,
    body: AssessmentDraft,
    status: 200,
    responses: {
      200: { description: 'The pipeline after the step', schema: PipelineState },
      ...stepRefusals,
    },
  }),
  listCboAssessments: defineRoute({
    method: 'GET',
    path: '/api/cbos/:id/assessments',
    operationId: 'listCboAssessments',
    summary: "The CBO's assessments with each score and the total, newest first",
    tag: 'pipeline',
    access: ROLE_GROUPS.programmeStaff,
    params: CboId,
    status: 200,
    responses: { 200: { description: 'Assessments', schema: AssessmentList }, ...DENIED },
  }),
  decideSelection: defineRoute({
    method: 'POST',
    path: '/api/cbos/:id/decision',
    operationId: 'decideSelection',
    summary: 'Selects the CBO as a Network Participant, or declines it with a reason it will see (four eyes)',
    tag: 'pipeline',
    access: ROLE_GROUPS.approvers,
    params: CboId,
    body: SelectionDecision,
    status: 200,
    responses: {
      200: { description: 'The pipeline after the decision', schema: PipelineState },
      ...stepRefusals,
      403: problem('Your role does not allow this, or you assessed this CBO (four eyes)'),
    },
  }),
  reopenAssessment: defineRoute({
    method: 'POST',
    path: '/api/cbos/:id/reassessment',
    operationId: 'reopenAssessment',
    summary: 'Sends a declined CBO back to assessment, once the waiting time has passed',
    tag: 'pipeline',
    access: ROLE_GROUPS.cboWriters,
    params: CboId,
    status: 200,
    responses: {
      200: { description: 'The pipeline, at assessment', schema: PipelineState },
      ...stepRefusals,
    },
  }),
  withdrawCbo: defineRoute({
    method: 'POST',
    path: '/api/cbos/:id/withdrawal',
    operationId: 'withdrawCbo',
    summary: 'Withdraws the CBO from the pipeline, with the reason; this ends its pipeline',
    tag: 'pipeline',
    access: ROLE_GROUPS.cboWriters,
    params: CboId,
    body: z.object({ reason: z.string().trim().min(1, 'Give the reason').max(1000) }),
    status: 200,
    responses: { 200: { description: 'The pipeline, withdrawn', schema: PipelineState }, ...stepRefusals },
  }),
  decideCboDuplicate: defineRoute({
    method: 'POST',
    path: '/api/cbos/:id/duplicate',
    operationId: 'decideCboDuplicate',
    summary:
      'A coordinator decides about a CBO flagged as a likely duplicate: a different group, or merged into the existing record (its pipeline ends as withdrawn)',
    tag: 'pipeline',
    access: ROLE_GROUPS.cboWriters,
    params: CboId,
    body: DuplicateDecisionDraft,
    status: 200,
    responses: {
      200: { description: 'The CBO, and (merged) its pipeline', schema: DecidedDuplicate },
      ...stepRefusals,
      409: problem(
        'Not flagged as a duplicate of that CBO (`not_flagged`), already decided otherwise (`duplicate_decided`), or the pipeline cannot be withdrawn now',
      ),
    },
  }),
};
