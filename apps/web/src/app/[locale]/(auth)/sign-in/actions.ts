'use server';

import { z } from 'zod';
import { Email, SecondFactor } from '@bandanh/contracts';
import { redirect } from '@/i18n/navigation';
import { homeFor, safeNext } from '@/lib/access';
import {
  accountFieldErrors,
  challengeExpired,
  failureFrom,
  type AccountErrorKey,
  type FieldErrors,
} from '@/lib/account-errors';
import { GatewayError, gateway, type SignInInput } from '@/lib/gateway';
import { localeOf } from '@/lib/locale';
import { keepSession } from '@/lib/session';

export interface SignInState {
  /** `code` once the password was right and the account asks for its second factor. */
  step: 'password' | 'code';
  /** What was typed, to keep it on a refusal and to name the account at the second step. */
  email: string;
  /** The page to return to (a path without the locale), or ''. */
  next: string;
  /**
   * The API's answer to a right password, for the second step: single-use, valid five minutes,
   * and no password. The password itself never leaves the first step.
   */
  challenge?: string;
  fieldErrors: FieldErrors;
  formError?: AccountErrorKey;
  minutes?: number;
}

const Credentials = z.object({ email: Email, password: z.string().min(1).max(256) });
const Challenge = z.string().trim().min(1).max(200);

/**
 * Signs in in up to two steps: email and password; then, when the account has two-factor
 * authentication, the challenge the first step answered with a code from the app or a recovery
 * code. The session token is kept in the web's httpOnly cookie.
 */
export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const locale = localeOf(formData.get('locale'));
  const next = safeNext(formData.get('next')) ?? '';
  const email = String(formData.get('email') ?? '').slice(0, 254);
  const startAgain = (formError: AccountErrorKey): SignInState => ({
    step: 'password',
    email,
    next,
    fieldErrors: {},
    formError,
  });

  let input: SignInInput;
  let challenge: string | undefined;
  if (formData.has('challenge')) {
    const sent = Challenge.safeParse(formData.get('challenge'));
    if (!sent.success) return startAgain('signInAgain');
    challenge = sent.data;
    const factor = SecondFactor.safeParse(String(formData.get('code') ?? ''));
    if (!factor.success) {
      return { step: 'code', email, next, challenge, fieldErrors: { code: 'secondFactorFormat' } };
    }
    input = { challenge, code: factor.data };
  } else {
    const credentials = Credentials.safeParse({ email, password: String(formData.get('password') ?? '') });
    if (!credentials.success) {
      const fieldErrors = accountFieldErrors(
        credentials.error.issues.map((i) => ({ path: String(i.path[0]), code: i.code })),
      );
      if (fieldErrors.password) fieldErrors.password = 'passwordRequired';
      return { step: 'password', email, next, fieldErrors };
    }
    input = credentials.data;
  }

  let answer: Awaited<ReturnType<typeof gateway.signIn>>;
  try {
    answer = await gateway.signIn(input);
  } catch (error) {
    const body = error instanceof GatewayError ? error.body : undefined;
    if (!challenge) {
      return { step: 'password', email, next, ...failureFrom(body, { unauthenticated: 'wrongCredentials' }) };
    }
    // An expired or used challenge cannot be retried: back to the first step.
    if (challengeExpired(body)) return startAgain('signInAgain');
    const failure = failureFrom(body, { unauthenticated: 'wrongCode' });
    if (failure.formError === 'locked') return { step: 'password', email, next, ...failure };
    // A wrong code leaves the challenge valid: try another code.
    return { step: 'code', email, next, challenge, fieldErrors: {}, formError: failure.formError };
  }

  if (answer.status === 'mfa_required') {
    return { step: 'code', email, next, challenge: answer.challenge, fieldErrors: {} };
  }
  await keepSession(answer.session);
  const { account } = answer;
  const mustEnrol = account.mfaRequired && !account.mfaEnabled;
  return redirect({ href: mustEnrol ? '/account/mfa' : next || homeFor(account), locale });
}
