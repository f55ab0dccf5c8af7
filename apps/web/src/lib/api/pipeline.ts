import 'server-only';
import { z } from 'zod';
import {
  Assessment,
  CboPage,
  CreatedCbo,
  DuplicateCandidate,
  FieldVisit,
  NetworkSettings,
  PipelineStage,
  PipelineState,
  Task,
  type AssessmentDraft,
  type CboDraftInput,
  type SelectionDecision,
} from '@bandanh/contracts';
import { GatewayError, call, post } from '@/lib/gateway';

export interface CboFilters {
  limit: number;
  offset: number;
  stage?: string;
  provinceCode?: string;
  q?: string;
}

const id = (value: string) => encodeURIComponent(value);

/** The gateway calls for recording CBOs, their pipeline steps and the staff inbox. */
export const pipelineApi = {
  /** Staff members' names for the ids a page shows (at most 100, each once). */
  staffNames: (ids: string[]) =>
    call(
      z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string() })) }),
      `/api/staff-names?ids=${[...new Set(ids)].slice(0, 100).map(encodeURIComponent).join(',')}`,
    ),
  listCbos: ({ limit, offset, stage, provinceCode, q }: CboFilters) => {
    const query = new URLSearchParams({ limit: String(limit), offset: String(offset) });
    if (stage) query.set('stage', stage);
    if (provinceCode) query.set('provinceCode', provinceCode);
    if (q) query.set('q', q);
    return call(CboPage, `/api/cbos?${query}`);
  },
  createCbo: (idempotencyKey: string, draft: CboDraftInput) =>
    call(CreatedCbo, '/api/cbos', { ...post(draft), headers: { 'idempotency-key': idempotencyKey } }),
  pipeline: (cboId: string) => call(PipelineState, `/api/cbos/${id(cboId)}/pipeline`),
  assessments: (cboId: string) =>
    call(z.object({ items: z.array(Assessment) }), `/api/cbos/${id(cboId)}/assessments`),
  tasks: ({ cboId, all = false }: { cboId?: string; all?: boolean } = {}) => {
    const query = new URLSearchParams();
    if (cboId) query.set('cboId', cboId);
    if (all) query.set('all', 'true');
    const search = query.toString();
    return call(z.object({ items: z.array(Task) }), `/api/tasks${search ? `?${search}` : ''}`);
  },
  settings: () => call(z.object({ settings: NetworkSettings }), '/api/settings/network'),
  fieldVisits: () => call(z.object({ items: z.array(FieldVisit) }), '/api/field-visits'),
  linkToVisit: (visitId: string, cboId: string) =>
    call(z.object({ visit: FieldVisit }), `/api/field-visits/${id(visitId)}/cbos`, post({ cboId })),

  assess: (cboId: string, draft: AssessmentDraft) =>
    call(PipelineState, `/api/cbos/${id(cboId)}/assessment`, post(draft)),
  decide: (cboId: string, decision: SelectionDecision) =>
    call(PipelineState, `/api/cbos/${id(cboId)}/decision`, post(decision)),
  reassess: (cboId: string) => call(PipelineState, `/api/cbos/${id(cboId)}/reassessment`, { method: 'POST' }),
  withdraw: (cboId: string, reason: string) =>
    call(PipelineState, `/api/cbos/${id(cboId)}/withdrawal`, post({ reason })),
};

/** Why the gateway refused a step of the pipeline, as its error details say. */
export type Refusal =
  | { reason: 'wrong_stage'; stage?: PipelineStage }
  | { reason: 'too_early'; reassessableFrom?: string }
  | { reason: 'four_eyes' }
  | { reason: 'possible_duplicate'; duplicates: DuplicateCandidate[] };

const RefusalDetails = z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('wrong_stage'), stage: PipelineStage.optional().catch(undefined) }),
  z.object({ reason: z.literal('too_early'), reassessableFrom: z.string().optional().catch(undefined) }),
  z.object({ reason: z.literal('four_eyes') }),
  z.object({ reason: z.literal('possible_duplicate'), duplicates: z.array(DuplicateCandidate) }),
]);

/** The refusal an error carries, if it is one the pages explain; else undefined. */
export function refusalOf(error: unknown): Refusal | undefined {
  if (!(error instanceof GatewayError)) return undefined;
  const details = RefusalDetails.safeParse(error.body.details);
  return details.success ? details.data : undefined;
}
