import { z } from 'zod';
import {
  ACCOUNT_REFUSALS,
  DuplicateCandidate,
  EXPANSION_REFUSALS,
  GRANT_REFUSALS,
  PIPELINE_REFUSALS,
  PipelineStage,
  REFERRAL_REFUSALS,
  TRAINING_REFUSALS,
  TRAINING_SCHEDULE_REFUSALS,
  TRAINING_SEAT_REFUSALS,
  TRAINING_SESSION_REFUSALS,
  type ErrorCode,
  type FieldIssue,
  type RefusalReason,
} from '@bandanh/contracts';
import { accountFieldErrors, type AccountErrorKey, type AccountField } from './account-errors';
import { GatewayError } from './gateway-error';

/**
 * How a form words the API's refusals, in message keys of its catalog namespace: `fields` turns
 * the API's field issues into the form's field errors; a key per refusal reason
 * (`four_eyes: 'fourEyes'`, read from `details.reason`, before the code) and per error code
 * (`CONFLICT: 'emailTaken'`) says what the top of the form shows. `VALIDATION_FAILED` is what it
 * shows when no field of the form is named. Anything not named is `unexpected`.
 */
export type Wording<Key extends string, Field extends string = string> = Partial<
  Record<ErrorCode | RefusalReason, Key>
> & {
  fields?: (issues: FieldIssue[]) => Partial<Record<Field, Key>>;
};

/** What a refused form shows: an error per field, and one message at its top. */
export interface Refusal<Key extends string, Field extends string = string> {
  fieldErrors: Partial<Record<Field, Key>>;
  formError: Key | 'summary' | 'unexpected';
  /** With a rate limit the form words (`RATE_LIMITED`): the minutes until the next try. */
  minutes?: number;
}

const REASONS: readonly string[] = [
  ...PIPELINE_REFUSALS,
  ...REFERRAL_REFUSALS,
  ...ACCOUNT_REFUSALS,
  ...EXPANSION_REFUSALS,
  ...TRAINING_REFUSALS,
  ...TRAINING_SCHEDULE_REFUSALS,
  ...TRAINING_SESSION_REFUSALS,
  ...TRAINING_SEAT_REFUSALS,
  ...GRANT_REFUSALS,
];

/** The reason a refusal gives (`details.reason`), if it is one of the contracts' reasons. */
export function reasonOf(error: unknown): RefusalReason | undefined {
  const reason = error instanceof GatewayError ? error.body.details?.reason : undefined;
  return typeof reason === 'string' && REASONS.includes(reason) ? (reason as RefusalReason) : undefined;
}

/** A form's input refused by its contract, field by field, as the API would have refused it. */
export function refusedHere<Key extends string, Field extends string>(
  issues: FieldIssue[],
  wording: Wording<Key, Field>,
): Refusal<Key, Field> {
  const fieldErrors = wording.fields?.(issues) ?? {};
  const named = Object.keys(fieldErrors).length > 0;
  return { fieldErrors, formError: named ? 'summary' : (wording.VALIDATION_FAILED ?? 'unexpected') };
}

/** The error code of the API's refusal; undefined for anything else (a bug, say). */
export function codeOf(error: unknown): ErrorCode | undefined {
  return error instanceof GatewayError ? error.body.code : undefined;
}

/** The one error-to-form mapper: what a form says when the API (or the way to it) refused it. */
export function refused<Key extends string, Field extends string = string>(
  error: unknown,
  wording: Wording<Key, Field> = {},
): Refusal<Key, Field> {
  const only = (formError: Refusal<Key, Field>['formError']) => ({ fieldErrors: {}, formError });
  if (!(error instanceof GatewayError)) return only('unexpected');
  const { code, details } = error.body;
  const reason = reasonOf(error);
  const byReason = reason && wording[reason];
  if (byReason) return only(byReason);
  switch (code) {
    case 'VALIDATION_FAILED':
      return refusedHere(details?.issues ?? [], wording);
    case 'RATE_LIMITED': {
      if (!wording.RATE_LIMITED) return only('unexpected');
      const seconds = Number(details?.retryAfterSeconds);
      const minutes = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 15;
      return { fieldErrors: {}, formError: wording.RATE_LIMITED, minutes };
    }
    default:
      return only(wording[code] ?? 'unexpected');
  }
}

/**
 * The programme's forms and the CBO form (namespaces `form`, `hotline`, `partners`,
 * `fieldVisits`, `referrals`, `programmeSettings`): each adds its `fields` and its own conflicts.
 */
export const FORM_WORDING = {
  VALIDATION_FAILED: 'invalid',
  IDEMPOTENCY_KEY_REUSED: 'keyReused',
  FORBIDDEN: 'notAllowed',
  UNAVAILABLE: 'unavailable',
} as const satisfies Wording<string>;

/** A refusal for a programme form's state, which keeps its field errors as `errors`. */
export const asFormState = <Key extends string>({ fieldErrors, formError }: Refusal<Key>) => ({
  errors: fieldErrors as Record<string, Key>,
  formError,
});

/** The account forms (`account.errors`): sign-in, sign-up, invitations, password, two-factor, links, claims, admin. */
export const ACCOUNT_WORDING: Wording<AccountErrorKey, AccountField> = {
  fields: (issues) => accountFieldErrors(issues),
  VALIDATION_FAILED: 'invalid',
  RATE_LIMITED: 'locked',
  FORBIDDEN: 'notAllowed',
  UNAVAILABLE: 'unavailable',
};

/** The same, for a form that names some of the API's fields otherwise (the API's `next` is the form's `password`). */
export const accountWording = (
  aliases: Partial<Record<string, AccountField>>,
): Wording<AccountErrorKey, AccountField> => ({
  ...ACCOUNT_WORDING,
  fields: (issues) => accountFieldErrors(issues, aliases),
});

const PipelineFacts = z.object({
  stage: PipelineStage.optional().catch(undefined),
  reassessableFrom: z.string().optional().catch(undefined),
  duplicates: z.array(DuplicateCandidate).optional().catch(undefined),
});
export type PipelineFacts = z.infer<typeof PipelineFacts>;

/**
 * The facts a pipeline step's refusal carries with its reason: where the CBO is now
 * (`wrong_stage`), from when it may be reassessed (`too_early`), the CBOs it looks like
 * (`possible_duplicate`).
 */
export function pipelineFacts(error: unknown): PipelineFacts {
  const facts = PipelineFacts.safeParse(error instanceof GatewayError ? (error.body.details ?? {}) : {});
  return facts.success ? facts.data : {};
}
