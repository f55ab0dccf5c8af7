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
import { pipelineApi, refusalOf } from '@/lib/api/pipeline';
import { afterFailure } from '@/lib/auth';
import { GatewayError, gateway } from '@/lib/gateway';
import {
  ASSESSMENT_COUNTS,
  ASSESSMENT_TEXTS,
  assessmentErrorsFrom,
  reasonErrorFrom,
  type StepErrorKey,
} from '@/lib/form-errors';
import { localeOf } from '@/lib/locale';

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

export type Step = 'assessed' | 'decided' | 'reassessed' | 'withdrawn';

const pathOf = (cboId: string) => `/cbos/${cboId}`;

type Failure = Pick<StepState, 'formError' | 'stage' | 'from'> & Partial<Pick<StepState, 'fieldErrors'>>;

/** Why the API refused a step, in the words of the pipeline's messages. */
function failureOf(error: unknown, fieldErrors: (issues: FieldIssue[]) => StepState['fieldErrors']): Failure {
  const refusal = refusalOf(error);
  if (refusal?.reason === 'wrong_stage') return { formError: 'wrongStage', stage: refusal.stage };
  if (refusal?.reason === 'too_early') return { formError: 'tooEarly', from: refusal.reassessableFrom };
  if (refusal?.reason === 'four_eyes') return { formError: 'fourEyes' };
  if (!(error instanceof GatewayError)) return { formError: 'unexpected' };
  switch (error.body.code) {
    case 'VALIDATION_FAILED': {
      const errors = fieldErrors(error.body.details?.issues ?? []);
      return { fieldErrors: errors, formError: Object.keys(errors).length ? 'summary' : 'unexpected' };
    }
    // Another step for this CBO was being recorded at that moment.
    case 'CONFLICT':
      return { formError: 'busy' };
    case 'FORBIDDEN':
      return { formError: 'notAllowed' };
    case 'NOT_FOUND':
      return { formError: 'notFound' };
    case 'UNAVAILABLE':
      return { formError: 'unavailable' };
    default:
      return { formError: 'unexpected' };
  }
}

/**
 * Runs a step, then shows the CBO's page again with what it did; a refusal comes back to the
 * form with the reason, keeping what was typed.
 */
async function runStep(
  formData: FormData,
  previous: StepState,
  values: Record<string, string>,
  step: Step,
  run: (cboId: string) => Promise<unknown>,
  fieldErrors: (issues: FieldIssue[]) => StepState['fieldErrors'] = () => ({}),
): Promise<StepState> {
  const locale = localeOf(formData.get('locale'));
  const cboId = z.uuid().safeParse(formData.get('cboId') || previous.cboId);
  if (!cboId.success) return { cboId: previous.cboId, values, fieldErrors: {}, formError: 'unexpected' };
  try {
    await run(cboId.data);
  } catch (error) {
    afterFailure(error, locale, pathOf(cboId.data));
    const failure = failureOf(error, fieldErrors);
    if (failure.formError === 'notFound') {
      // A pipeline that has ended (the CBO was withdrawn) takes no step: say where the CBO is.
      const stage = (await gateway.getCbo(cboId.data).catch(() => undefined))?.cbo.stage;
      if (stage) return { cboId: cboId.data, values, fieldErrors: {}, formError: 'wrongStage', stage };
    }
    if (failure.from) {
      const format = await getFormatter({ locale });
      failure.from = format.dateTime(new Date(failure.from), { dateStyle: 'medium' });
    }
    return { cboId: cboId.data, values, fieldErrors: {}, ...failure };
  }
  // The list, the inbox and the header's count change with the step.
  revalidatePath('/', 'layout');
  return redirect({ href: { pathname: pathOf(cboId.data), query: { done: step } }, locale });
}

const refused = (
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
    scores,
  });
  const unscored: FieldIssue[] = criteria
    .filter((key) => !(key in scores))
    .map((key) => ({ path: `scores.${key}`, code: 'missing', message: 'Score it' }));
  if (!draft.success || unscored.length) {
    const issues = [...(draft.success ? [] : toFieldIssues(draft.error)), ...unscored];
    return refused(previous, values, assessmentErrorsFrom(issues));
  }
  return runStep(
    formData,
    previous,
    values,
    'assessed',
    (cboId) => pipelineApi.assess(cboId, draft.data),
    assessmentErrorsFrom,
  );
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
    return { ...refused(previous, values, {}), formError: 'outcomeRequired' };
  }
  const decision = SelectionDecision.safeParse({ outcome, reason: values.reason });
  if (!decision.success) return refused(previous, values, reasonErrors(toFieldIssues(decision.error)));
  return runStep(
    formData,
    previous,
    values,
    'decided',
    (cboId) => pipelineApi.decide(cboId, decision.data),
    reasonErrors,
  );
}

/** A coordinator sends a declined CBO back to assessment, once the waiting time has passed. */
export async function reassessCbo(previous: StepState, formData: FormData): Promise<StepState> {
  return runStep(formData, previous, {}, 'reassessed', (cboId) => pipelineApi.reassess(cboId));
}

const WithdrawalReason = z.object({ reason: z.string().trim().min(1).max(1000) });

/** A coordinator withdraws the CBO from the programme, with the reason; this ends its pipeline. */
export async function withdrawCbo(previous: StepState, formData: FormData): Promise<StepState> {
  const values = { reason: String(formData.get('reason') ?? '').slice(0, 1100) };
  const input = WithdrawalReason.safeParse(values);
  if (!input.success) return refused(previous, values, reasonErrors(toFieldIssues(input.error)));
  return runStep(
    formData,
    previous,
    values,
    'withdrawn',
    (cboId) => pipelineApi.withdraw(cboId, input.data.reason),
    reasonErrors,
  );
}
