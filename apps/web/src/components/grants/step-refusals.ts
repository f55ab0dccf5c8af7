import { GatewayError } from '@/lib/gateway-error';
import { FORM_WORDING, type Wording } from '@/lib/refusal';

/**
 * How the grant steps' forms word the API's refusals (`grants.step.errors`): each reason of
 * `GRANT_REFUSALS` a step may meet in plain words, with the facts it carries.
 */
export const STEP_WORDING = {
  ...FORM_WORDING,
  NOT_FOUND: 'notFound',
  CONFLICT: 'conflict',
  busy: 'busy',
  wrong_stage: 'wrongStage',
  four_eyes: 'fourEyes',
  not_your_step: 'notYourStep',
  envelope_exhausted: 'envelopeExhausted',
  amount_too_high: 'amountTooHigh',
  reason_required: 'reasonRequired',
  not_assigned: 'notAssigned',
  not_declared: 'notDeclared',
  already_done: 'alreadyDone',
} satisfies Wording<string>;

/** What a refused step carries besides its reason: where it is now, what remains, the most allowed. */
export interface StepFacts {
  stage?: string;
  role?: string;
  remaining?: number;
  max?: number;
}

/** A form of a grant step: what was typed, what was refused, and the refusal's facts. */
export interface StepFormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  formError?: string;
  facts?: StepFacts;
}

/** The facts of a refusal's details that the words name. */
export function stepFacts(error: unknown): StepFacts {
  const details = error instanceof GatewayError ? (error.body.details ?? {}) : {};
  const facts: StepFacts = {};
  if (typeof details.stage === 'string') facts.stage = details.stage;
  if (typeof details.role === 'string') facts.role = details.role;
  if (typeof details.remaining === 'number') facts.remaining = details.remaining;
  if (typeof details.max === 'number') facts.max = details.max;
  return facts;
}
