import {
  ClaimDraft,
  DisplayName,
  Email,
  NewPassword,
  toFieldIssues,
  type ErrorBody,
} from '@bandanh/contracts';
import { z } from 'zod';
import {
  accountFieldErrors,
  challengeExpired,
  type AccountErrorKey,
  type AccountField,
} from './account-errors';
import { GatewayError } from './gateway-error';
import { ACCOUNT_WORDING, accountWording, refused, type Wording } from './refusal';

/** What an account form says for an API answer, as its action asks the one mapper. */
const failureFrom = (
  body: ErrorBody | undefined,
  wording: Wording<AccountErrorKey, AccountField> = ACCOUNT_WORDING,
) => refused(body && new GatewayError(400, body), wording);

const SignUp = z.object({ email: Email, displayName: DisplayName, password: NewPassword });

function errorsFor(input: Record<string, unknown>) {
  const result = SignUp.safeParse(input);
  if (result.success) throw new Error('expected the sign-up to be refused');
  return accountFieldErrors(toFieldIssues(result.error));
}

const valid = { email: 'sokha@example.org', displayName: 'Sokha', password: 'a long passphrase' };

describe('account form errors', () => {
  it('names each wrong field of a sign-up at once', () => {
    expect(errorsFor({ email: 'not an email', displayName: ' ', password: 'short' })).toEqual({
      email: 'emailInvalid',
      displayName: 'nameRequired',
      password: 'passwordTooShort',
    });
  });

  it('says a name or a password is too long', () => {
    expect(errorsFor({ ...valid, displayName: 'ក'.repeat(121) })).toEqual({ displayName: 'nameTooLong' });
    expect(errorsFor({ ...valid, password: 'x'.repeat(257) })).toEqual({ password: 'passwordTooLong' });
  });

  it('tells a common password from a short one, by the code the service gives', () => {
    const body = {
      code: 'VALIDATION_FAILED' as const,
      message: 'The password is too easy to guess',
      details: { issues: [{ in: 'body' as const, path: 'password', code: 'common_password', message: 'x' }] },
    };
    expect(failureFrom(body)).toEqual({ fieldErrors: { password: 'passwordCommon' }, formError: 'summary' });
  });

  it('reports a common new password on the password change’s `next` field as the form’s password', () => {
    const body = {
      code: 'VALIDATION_FAILED' as const,
      message: 'The password is too easy to guess',
      details: { issues: [{ in: 'body' as const, path: 'next', code: 'common_password', message: 'x' }] },
    };
    expect(failureFrom(body, accountWording({ next: 'password' }))).toEqual({
      fieldErrors: { password: 'passwordCommon' },
      formError: 'summary',
    });
  });

  it('tells the two two-factor conflicts apart by the reason the API gives', () => {
    const conflict = (reason?: string) => ({
      code: 'CONFLICT' as const,
      message: 'x',
      ...(reason ? { details: { reason } } : {}),
    });
    const options = {
      ...ACCOUNT_WORDING,
      not_started: 'mfaNotStarted',
      already_enabled: 'mfaAlreadyOn',
    } as const;
    expect(failureFrom(conflict('not_started'), options).formError).toBe('mfaNotStarted');
    expect(failureFrom(conflict('already_enabled'), options).formError).toBe('mfaAlreadyOn');
    expect(failureFrom(conflict('something_new'), { ...options, CONFLICT: 'mfaNotStarted' }).formError).toBe(
      'mfaNotStarted',
    );
    expect(failureFrom(conflict(), options).formError).toBe('unexpected');
  });

  it('names the wrong fields of a claim to belong to a CBO', () => {
    const result = ClaimDraft.safeParse({ cboName: ' ', provinceCode: '', note: 'x'.repeat(1001) });
    if (result.success) throw new Error('expected the claim to be refused');
    expect(accountFieldErrors(toFieldIssues(result.error))).toEqual({
      cboName: 'cboNameRequired',
      provinceCode: 'provinceRequired',
      note: 'noteTooLong',
    });
    expect(
      accountFieldErrors([
        { path: 'cboName', code: 'too_big' },
        { path: 'reason', code: 'too_small' },
        { path: 'cboId', code: 'invalid_format' },
      ]),
    ).toEqual({ cboName: 'cboNameTooLong', reason: 'reasonRequired', cboId: 'cboRequired' });
  });

  it('tells an expired or used sign-in challenge from a wrong code', () => {
    expect(
      challengeExpired({
        code: 'UNAUTHENTICATED',
        message: 'This sign-in has expired; enter your email and password again',
        details: { reason: 'challenge_expired' },
      }),
    ).toBe(true);
    expect(
      challengeExpired({ code: 'UNAUTHENTICATED', message: 'The email, password or code is not right' }),
    ).toBe(false);
    expect(challengeExpired({ code: 'UNAUTHENTICATED', message: 'This sign-in has expired' })).toBe(false);
    expect(
      challengeExpired({ code: 'RATE_LIMITED', message: 'x', details: { reason: 'challenge_expired' } }),
    ).toBe(false);
    expect(challengeExpired(undefined)).toBe(false);
  });

  it("puts the service's field names on the form's fields", () => {
    const issues = [
      { path: 'current', code: 'wrong_password' },
      { path: 'password', code: 'common_password' },
    ];
    expect(accountFieldErrors(issues)).toEqual({ current: 'currentWrong', password: 'passwordCommon' });
    expect(accountFieldErrors([{ path: 'next', code: 'too_small' }], { next: 'password' })).toEqual({
      password: 'passwordTooShort',
    });
    expect(accountFieldErrors([{ path: 'code', code: 'unknown_code' }], { code: 'linkCode' })).toEqual({
      linkCode: 'linkCodeUnknown',
    });
    expect(accountFieldErrors([{ path: 'code', code: 'wrong_code' }])).toEqual({ code: 'codeWrong' });
  });

  it('ignores fields the form does not have', () => {
    expect(accountFieldErrors([{ path: 'token', code: 'too_small' }])).toEqual({});
    expect(failureFrom({ code: 'VALIDATION_FAILED', message: 'x' }).formError).toBe('invalid');
  });

  it('gives one message per error code, with the wait when sign-in is locked', () => {
    expect(failureFrom({ code: 'RATE_LIMITED', message: 'x', details: { retryAfterSeconds: 610 } })).toEqual({
      fieldErrors: {},
      formError: 'locked',
      minutes: 11,
    });
    expect(
      failureFrom({ code: 'CONFLICT', message: 'x' }, { ...ACCOUNT_WORDING, CONFLICT: 'emailTaken' })
        .formError,
    ).toBe('emailTaken');
    expect(
      failureFrom({ code: 'NOT_FOUND', message: 'x' }, { ...ACCOUNT_WORDING, NOT_FOUND: 'invitationInvalid' })
        .formError,
    ).toBe('invitationInvalid');
    expect(failureFrom({ code: 'FORBIDDEN', message: 'x' }).formError).toBe('notAllowed');
    expect(failureFrom({ code: 'UNAVAILABLE', message: 'x' }).formError).toBe('unavailable');
    expect(failureFrom(undefined).formError).toBe('unexpected');
  });
});
