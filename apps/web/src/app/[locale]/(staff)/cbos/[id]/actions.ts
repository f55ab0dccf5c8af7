'use server';

import { revalidatePath } from 'next/cache';
import { getFormatter } from 'next-intl/server';
import { z } from 'zod';
import {
  AssessmentDraft,
  SelectionDecision,
  toFieldIssues,
  type FieldIssue,
  type PipelineStage,
} from '@bandanh/contracts';
import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import {
  ASSESSMENT_COUNTS,
  ASSESSMENT_TEXTS,
  assessmentErrorsFrom,
  reasonErrorFrom,
  type StepErrorKey,
} from '@/lib/form-errors';
import { localeOf } from '@/lib/locale';
import { pipelineFacts, type Wording } from '@/lib/refusal';

/** A step of the pipeline, as its form last sent it and as the API answered. */
export interface StepState {
  cboId: string;
  /** What was typed, to show again on a refusal. */
  values: Record<string, string>;
  fieldErrors: Partial<Record<string, StepErrorKey>>;
  formError?: StepErrorKey;
  /** With `wrongStage`: the stage the CBO has reached meanwhile. */
  stage?: PipelineStage;
  /** With `tooEarly`: from when it may be assessed again, written in the reader's language. */
  from?: string;
}

export type Step = 'assessed' | 'decided' | 'reassessed' | 'withdrawn' | 'merged' | 'distinct';

const pathOf = (cboId: string) => `/cbos/${cboId}`;

/** How a step's form words a refusal (`pipeline.errors`). */
const STEP_WORDING = {
  wrong_stage: 'wrongStage',
  too_early: 'tooEarly',
  four_eyes: 'fourEyes',
  not_flagged: 'notFlagged',
  duplicate_decided: 'duplicateDecided',
  // Another step for this CBO was being recorded at that moment.
  CONFLICT: 'busy',
  FORBIDDEN: 'notAllowed',
  NOT_FOUND: 'notFound',
  UNAVAILABLE: 'unavailable',
} as const satisfies Wording<StepErrorKey>;

interface Run {
  step: Step;
  send: (cboId: string) => Promise<unknown>;
  /** The form's fields, from the API's field issues. */
  fields?: (issues: FieldIssue[]) => StepState['fieldErrors'];
}

/**
 * Runs a step, then shows the CBO's page again with what it did; a refusal comes back to the
 * form with the reason, keeping what was typed.
 */
async function runStep(
  formData: FormData,
  previous: StepState,
  values: Record<string, string>,
  { step, send, fields }: Run,
): Promise<StepState> {
  const cboId = z.uuid().safeParse(formData.get('cboId') || previous.cboId);
  if (!cboId.success) return { cboId: previous.cboId, values, fieldErrors: {}, formError: 'unexpected' };
  const id = cboId.data;
  return submit(formData, {
    path: pathOf(id),
    send: () => send(id),
    wording: { ...STEP_WORDING, fields },
    refused: async (refusal, error): Promise<StepState> => {
      const state = { cboId: id, values, ...refusal };
      const facts = pipelineFacts(error);
      switch (refusal.formError) {
        case 'notFound': {
          // A pipeline that has ended (the CBO was withdrawn) takes no step: say where the CBO is.
          const stage = (await api(ROUTES.getCbo, { params: { id } }).catch(() => undefined))?.cbo.stage;
          return stage ? { ...state, formError: 'wrongStage', stage } : state;
        }
        case 'wrongStage':
          return { ...state, stage: facts.stage };
        case 'tooEarly': {
          if (!facts.reassessableFrom) return state;
          const format = await getFormatter({ locale: localeOf(formData.get('locale')) });
          return {
            ...state,
            from: format.dateTime(new Date(facts.reassessableFrom), { dateStyle: 'medium' }),
          };
        }
        default:
          return state;
      }
    },
    // The list, the inbox and the header's count change with the step.
    done: (_pipeline, locale) => {
      revalidatePath('/', 'layout');
      return redirect({ href: { pathname: pathOf(id), query: { done: step } }, locale });
    },
  });
}

/** A step refused before it is sent, field by field. */
const notSent = (
  previous: StepState,
  values: Record<string, string>,
  fieldErrors: StepState['fieldErrors'],
) => ({
  cboId: previous.cboId,
  values,
  fieldErrors,
  formError: 'summary' as const,
});

/** The assessor records the needs assessment and scores each rubric criterion (`score.<key>`). */
export async function assessCbo(previous: StepState, formData: FormData): Promise<StepState> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === 'string' && !name.startsWith('$')) values[name] = value.slice(0, 2100);
  }
  const criteria = (values.criteria ?? '').split(',').filter(Boolean);
  const scores = Object.fromEntries(
    Object.entries(values)
      .filter(([name]) => name.startsWith('score.'))
      .map(([name, value]) => [name.slice('score.'.length), value]),
  );
  // A blank number is missing, not nought.
  const count = (name: string) => values[name]?.trim() || undefined;
  const draft = AssessmentDraft.safeParse({
    ...Object.fromEntries(ASSESSMENT_COUNTS.map((name) => [name, count(name)])),
    ...Object.fromEntries(ASSESSMENT_TEXTS.map((name) => [name, values[name] ?? ''])),
    recordsKept: values.recordsKept === 'on',
    registration: values.registration,
    // The assessor's word that the count is now women and men together.
    updateMembersCount: values.updateMembersCount === 'on',
    scores,
  });
  const unscored: FieldIssue[] = criteria
    .filter((key) => !(key in scores))
    .map((key) => ({ path: `scores.${key}`, code: 'missing', message: 'Score it' }));
  if (!draft.success || unscored.length) {
    const issues = [...(draft.success ? [] : toFieldIssues(draft.error)), ...unscored];
    return notSent(previous, values, assessmentErrorsFrom(issues));
  }
  return runStep(formData, previous, values, {
    step: 'assessed',
    send: (cboId) => api(ROUTES.assessCbo, { params: { id: cboId }, body: draft.data }),
    fields: assessmentErrorsFrom,
  });
}

const reasonErrors = (issues: FieldIssue[]) => {
  const error = reasonErrorFrom(issues);
  return error ? { reason: error } : {};
};

/** An approver who did not assess the CBO selects it, or declines it with a reason it will read. */
export async function decideSelection(previous: StepState, formData: FormData): Promise<StepState> {
  const outcome = String(formData.get('outcome') ?? '');
  const values = { reason: String(formData.get('reason') ?? '').slice(0, 1100) };
  if (outcome !== 'selected' && outcome !== 'declined') {
    return { ...notSent(previous, values, {}), formError: 'outcomeRequired' };
  }
  const decision = SelectionDecision.safeParse({ outcome, reason: values.reason });
  if (!decision.success) return notSent(previous, values, reasonErrors(toFieldIssues(decision.error)));
  return runStep(formData, previous, values, {
    step: 'decided',
    send: (cboId) => api(ROUTES.decideSelection, { params: { id: cboId }, body: decision.data }),
    fields: reasonErrors,
  });
}

/** A coordinator sends a declined CBO back to assessment, once the waiting time has passed. */
export async function reassessCbo(previous: StepState, formData: FormData): Promise<StepState> {
  return runStep(
    formData,
    previous,
    {},
    {
      step: 'reassessed',
      send: (cboId) => api(ROUTES.reopenAssessment, { params: { id: cboId } }),
    },
  );
}

/** A coordinator withdraws the CBO from the programme, with the reason; this ends its pipeline. */
export async function withdrawCbo(previous: StepState, formData: FormData): Promise<StepState> {
  const values = { reason: String(formData.get('reason') ?? '').slice(0, 1100) };
  const input = ROUTES.withdrawCbo.body.safeParse(values);
  if (!input.success) return notSent(previous, values, reasonErrors(toFieldIssues(input.error)));
  return runStep(formData, previous, values, {
    step: 'withdrawn',
    send: (cboId) => api(ROUTES.withdrawCbo, { params: { id: cboId }, body: input.data }),
    fields: reasonErrors,
  });
}

/**
 * A coordinator's word on a CBO flagged as a likely duplicate: the same group as one already
 * recorded (merged: this record is withdrawn as its duplicate), or a different group (the flag goes).
 */
export async function decideDuplicate(previous: StepState, formData: FormData): Promise<StepState> {
  // The merge button names the CBO it merges into: `merged:<id>`.
  const [decision, into] = String(formData.get('decision') ?? '').split(':');
  const values = { decision, into: into ?? '' };
  const input = ROUTES.decideCboDuplicate.body.safeParse(decision === 'merged' ? values : { decision });
  if (!input.success) return { cboId: previous.cboId, values, fieldErrors: {}, formError: 'unexpected' };
  return runStep(formData, previous, values, {
    step: input.data.decision,
    send: (cboId) => api(ROUTES.decideCboDuplicate, { params: { id: cboId }, body: input.data }),
  });
}
