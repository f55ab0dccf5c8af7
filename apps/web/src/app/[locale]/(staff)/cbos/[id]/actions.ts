'use server';

import { revalidatePath } from 'next/cache';
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
import type { Locale } from '@/i18n/routing';
import { loadMe } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { pipelineFacts, type Wording } from '@/lib/refusal';
import { getLocalFormat } from '@/i18n/local-format-server';

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
  /** A decision asked for and not yet recorded: what the approver is asked to confirm. */
  confirm?: DecisionToConfirm;
}

/** A selection decision the approver is asked to confirm, with the CBO it is about. */
export interface DecisionToConfirm {
  outcome: 'selected' | 'declined';
  reason: string;
  name: string;
  nameKm: string | null;
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

/** The CBO a step's form is about, as it sent it. */
const stepCbo = (formData: FormData, previous: StepState) =>
  z.uuid().safeParse(formData.get('cboId') || previous.cboId).data;

/** How a refused step comes back to its form: with the reason, and the facts that go with it. */
function refusedStep(id: string, values: Record<string, string>, formData: FormData) {
  return async (refusal: Omit<StepState, 'cboId' | 'values'>, error: unknown): Promise<StepState> => {
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
        const format = await getLocalFormat(localeOf(formData.get('locale')));
        return {
          ...state,
          from: format.dateTime(new Date(facts.reassessableFrom), { dateStyle: 'medium' }),
        };
      }
      default:
        return state;
    }
  };
}

/** The CBO's page again, with what the step did. */
function stepDone(id: string, step: Step, locale: Locale): never {
  // The list, the inbox and the header's count change with the step.
  revalidatePath('/', 'layout');
  return redirect({ href: { pathname: pathOf(id), query: { done: step } }, locale });
}

/**
 * Runs a step, then shows the CBO's page again with what it did; a refusal comes back to the
 * form with the reason, keeping what was typed. `already` says whether a step refused as at the
 * wrong stage had in fact been taken already, by this very person (a form sent twice).
 */
async function runStep(
  formData: FormData,
  previous: StepState,
  values: Record<string, string>,
  { step, send, fields }: Run,
  already?: (id: string) => Promise<boolean>,
): Promise<StepState> {
  const id = stepCbo(formData, previous);
  if (!id) return { cboId: previous.cboId, values, fieldErrors: {}, formError: 'unexpected' };
  const refused = refusedStep(id, values, formData);
  return submit(formData, {
    path: pathOf(id),
    send: () => send(id),
    wording: { ...STEP_WORDING, fields },
    refused: async (refusal, error) => {
      const maybeTaken = refusal.formError === 'wrongStage' || refusal.formError === 'busy';
      if (maybeTaken && already && (await already(id).catch(() => false)))
        return stepDone(id, step, localeOf(formData.get('locale')));
      return refused(refusal, error);
    },
    done: (_pipeline, locale) => stepDone(id, step, locale),
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

/**
 * Before a decision is recorded the approver confirms it: the CBO, by name, is still waiting for
 * one, and the form comes back asking to confirm the outcome (and the reason); a CBO decided or
 * withdrawn meanwhile is said at once instead.
 */
async function askToConfirm(
  formData: FormData,
  previous: StepState,
  values: Record<string, string>,
  decision: SelectionDecision,
): Promise<StepState> {
  const id = stepCbo(formData, previous);
  if (!id) return { cboId: previous.cboId, values, fieldErrors: {}, formError: 'unexpected' };
  return submit(formData, {
    path: pathOf(id),
    send: () =>
      Promise.all([api(ROUTES.getCbo, { params: { id } }), api(ROUTES.getCboPipeline, { params: { id } })]),
    wording: STEP_WORDING,
    refused: refusedStep(id, values, formData),
    done: ([{ cbo }, pipeline]): StepState =>
      pipeline.stage === 'selection'
        ? {
            cboId: id,
            values,
            fieldErrors: {},
            confirm: {
              outcome: decision.outcome,
              reason: decision.reason ?? '',
              name: cbo.name,
              nameKm: cbo.nameKm,
            },
          }
        : { cboId: id, values, fieldErrors: {}, formError: 'wrongStage', stage: pipeline.stage },
  });
}

/**
 * Whether the CBO's latest move is this person's decision for `outcome`: a confirmation sent
 * twice (a double click before JavaScript) finds the decision it already recorded.
 */
async function decidedByMe(id: string, outcome: SelectionDecision['outcome']): Promise<boolean> {
  const [me, pipeline] = await Promise.all([loadMe(), api(ROUTES.getCboPipeline, { params: { id } })]);
  const last = pipeline.history.at(-1);
  const stage = outcome === 'selected' ? 'participant' : 'declined';
  return Boolean(me && last && pipeline.stage === stage && last.stage === stage && last.by === me.account.id);
}

/**
 * An approver who did not assess the CBO selects it, or declines it with a reason it will read:
 * the first submit asks to confirm (`confirm` is then `yes`, or `cancel` to go back to the form).
 */
export async function decideSelection(previous: StepState, formData: FormData): Promise<StepState> {
  const outcome = String(formData.get('outcome') ?? '');
  const values = { reason: String(formData.get('reason') ?? '').slice(0, 1100) };
  const confirmed = formData.get('confirm');
  if (confirmed === 'cancel') return { cboId: previous.cboId, values, fieldErrors: {} };
  if (outcome !== 'selected' && outcome !== 'declined') {
    return { ...notSent(previous, values, {}), formError: 'outcomeRequired' };
  }
  const decision = SelectionDecision.safeParse({ outcome, reason: values.reason });
  if (!decision.success) return notSent(previous, values, reasonErrors(toFieldIssues(decision.error)));
  if (confirmed !== 'yes') return askToConfirm(formData, previous, values, decision.data);
  return runStep(
    formData,
    previous,
    values,
    {
      step: 'decided',
      send: (cboId) => api(ROUTES.decideSelection, { params: { id: cboId }, body: decision.data }),
      fields: reasonErrors,
    },
    (cboId) => decidedByMe(cboId, decision.data.outcome),
  );
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
