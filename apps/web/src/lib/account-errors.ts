import type { ErrorBody, FieldIssue } from '@bandanh/contracts';

/**
 * The fields of the account forms: sign-in, sign-up, invitation, password, two-factor, CBO link
 * and claim, a coordinator's decision on a claim, and admin.
 */
export type AccountField =
  | 'email'
  | 'displayName'
  | 'password'
  | 'confirm'
  | 'current'
  | 'code'
  | 'linkCode'
  | 'roles'
  | 'cboName'
  | 'provinceCode'
  | 'note'
  | 'cboId'
  | 'reason';

/** Keys under `account.errors` in the message catalogs. */
export const ACCOUNT_ERROR_KEYS = [
  'summary',
  'invalid',
  'emailInvalid',
  'nameRequired',
  'nameTooLong',
  'passwordRequired',
  'passwordTooShort',
  'passwordTooLong',
  'passwordCommon',
  'passwordsDiffer',
  'currentRequired',
  'currentWrong',
  'totpFormat',
  'secondFactorFormat',
  'codeWrong',
  'linkCodeRequired',
  'linkCodeUnknown',
  'rolesRequired',
  'cboNameRequired',
  'cboNameTooLong',
  'provinceRequired',
  'noteTooLong',
  'cboRequired',
  'reasonRequired',
  'reasonTooLong',
  'wrongCredentials',
  'wrongCode',
  'signInAgain',
  'locked',
  'emailTaken',
  'invitationInvalid',
  'alreadyLinked',
  'claimConflict',
  'claimDecided',
  'claimOrCboGone',
  'ownAdminRole',
  'mfaAlreadyOn',
  'mfaNotStarted',
  'notAllowed',
  'unavailable',
  'unexpected',
] as const;
export type AccountErrorKey = (typeof ACCOUNT_ERROR_KEYS)[number];

export type FieldErrors = Partial<Record<AccountField, AccountErrorKey>>;

const FIELDS: readonly AccountField[] = [
  'email',
  'displayName',
  'password',
  'confirm',
  'current',
  'code',
  'linkCode',
  'roles',
  'cboName',
  'provinceCode',
  'note',
  'cboId',
  'reason',
];

function keyFor(field: AccountField, issue: Pick<FieldIssue, 'code'>): AccountErrorKey {
  switch (field) {
    case 'email':
      return 'emailInvalid';
    case 'displayName':
      return issue.code === 'too_big' ? 'nameTooLong' : 'nameRequired';
    case 'password':
      if (issue.code === 'common_password') return 'passwordCommon';
      return issue.code === 'too_big' ? 'passwordTooLong' : 'passwordTooShort';
    case 'confirm':
      return 'passwordsDiffer';
    case 'current':
      return issue.code === 'wrong_password' ? 'currentWrong' : 'currentRequired';
    case 'code':
      return issue.code === 'wrong_code' ? 'codeWrong' : 'totpFormat';
    case 'linkCode':
      return issue.code === 'unknown_code' ? 'linkCodeUnknown' : 'linkCodeRequired';
    case 'roles':
      return 'rolesRequired';
    case 'cboName':
      return issue.code === 'too_big' ? 'cboNameTooLong' : 'cboNameRequired';
    case 'provinceCode':
      return 'provinceRequired';
    case 'note':
      return 'noteTooLong';
    case 'cboId':
      return 'cboRequired';
    case 'reason':
      return issue.code === 'too_big' ? 'reasonTooLong' : 'reasonRequired';
  }
}

/**
 * One translated message key per form field, from the contract's (or the API's) field issues.
 * The last segment of a dotted path names the field; `aliases` renames the API's fields to the
 * form's (the password change sends the new password as `next`, and every refusal of it, a
 * common one included, names `next`).
 */
export function accountFieldErrors(
  issues: ReadonlyArray<Pick<FieldIssue, 'path' | 'code'>>,
  aliases: Partial<Record<string, AccountField>> = {},
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const last = issue.path.split('.').pop() ?? '';
    const field = aliases[last] ?? (last as AccountField);
    if (FIELDS.includes(field) && !errors[field]) errors[field] = keyFor(field, issue);
  }
  return errors;
}

export interface Failure {
  fieldErrors: FieldErrors;
  formError: AccountErrorKey;
  /** For `locked`: how long until the next try. */
  minutes?: number;
}

/** What a form says when the API refuses: per field for validation, else one message by error code. */
export function failureFrom(
  body: ErrorBody | undefined,
  options: {
    aliases?: Partial<Record<string, AccountField>>;
    conflict?: AccountErrorKey;
    /** A message per `details.reason` of a conflict (two-factor enrolment says why); else `conflict`. */
    conflicts?: Partial<Record<string, AccountErrorKey>>;
    notFound?: AccountErrorKey;
    unauthenticated?: AccountErrorKey;
  } = {},
): Failure {
  switch (body?.code) {
    case 'VALIDATION_FAILED': {
      const fieldErrors = accountFieldErrors(body.details?.issues ?? [], options.aliases);
      return { fieldErrors, formError: Object.keys(fieldErrors).length > 0 ? 'summary' : 'invalid' };
    }
    case 'RATE_LIMITED': {
      const seconds = Number(body.details?.retryAfterSeconds);
      const minutes = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 15;
      return { fieldErrors: {}, formError: 'locked', minutes };
    }
    case 'CONFLICT': {
      const reason = body.details?.reason;
      const byReason = typeof reason === 'string' ? options.conflicts?.[reason] : undefined;
      return { fieldErrors: {}, formError: byReason ?? options.conflict ?? 'unexpected' };
    }
    case 'NOT_FOUND':
      return { fieldErrors: {}, formError: options.notFound ?? 'unexpected' };
    case 'UNAUTHENTICATED':
      return { fieldErrors: {}, formError: options.unauthenticated ?? 'unexpected' };
    case 'FORBIDDEN':
      return { fieldErrors: {}, formError: 'notAllowed' };
    case 'UNAVAILABLE':
      return { fieldErrors: {}, formError: 'unavailable' };
    default:
      return { fieldErrors: {}, formError: 'unexpected' };
  }
}

/**
 * The second sign-in step was refused because its challenge expired or was already used (rather
 * than because the code was wrong): the API says so in `details.reason`.
 */
export function challengeExpired(body: ErrorBody | undefined): boolean {
  return body?.code === 'UNAUTHENTICATED' && body.details?.reason === 'challenge_expired';
}
