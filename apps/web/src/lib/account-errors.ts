import type { AccountRefusal, ErrorBody, FieldIssue } from '@bandanh/contracts';

/**
 * The fields of the account forms: sign-in, sign-up, invitation, password, two-factor, CBO link
 * and claim, a coordinator's decision on a claim, and admin.
 */
export const ACCOUNT_FIELDS = [
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
] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];

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
  'accountExists',
  'mfaAlreadyOn',
  'mfaNotStarted',
  'notAllowed',
  'unavailable',
  'unexpected',
] as const;
export type AccountErrorKey = (typeof ACCOUNT_ERROR_KEYS)[number];

export type FieldErrors = Partial<Record<AccountField, AccountErrorKey>>;

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
    if ((ACCOUNT_FIELDS as readonly string[]).includes(field) && !errors[field])
      errors[field] = keyFor(field, issue);
  }
  return errors;
}

/**
 * The second sign-in step was refused because its challenge expired or was already used (rather
 * than because the code was wrong): the API says so in `details.reason`.
 */
export function challengeExpired(body: ErrorBody | undefined): boolean {
  return (
    body?.code === 'UNAUTHENTICATED' &&
    body.details?.reason === ('challenge_expired' satisfies AccountRefusal)
  );
}
