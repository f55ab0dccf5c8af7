'use server';

import { z } from 'zod';
import { Email, SecondFactor } from '@bandanh/contracts';
import { redirect } from '../../../../i18n/navigation';
import { homeFor, safeNext } from '../../../../lib/access';
import {
  accountFieldErrors,
  failureFrom,
  type AccountErrorKey,
  type FieldErrors,
} from '../../../../lib/account-errors';
import { GatewayError, gateway } from '../../../../lib/gateway';
import { localeOf } from '../../../../lib/locale';
import { seal, unseal } from '../../../../lib/sealed';
import { keepSession } from '../../../../lib/session';

export interface SignInState {
  /** `code` once the password was right and the account asks for its second factor. */
  step: 'password' | 'code';
  email: string;
  /** The page to return to (a path without the locale), or ''. */
  next: string;
  /** The email and password, sealed, carried to the second step. */
  challenge?: string;
  fieldErrors: FieldErrors;
  formError?: AccountErrorKey;
  minutes?: number;
}

/** Long enough to open the authenticator app; the password is not kept past it. */
const CHALLENGE_TTL_MS = 5 * 60_000;
const Pending = z.object({ email: z.string(), password: z.string() });
const Credentials = z.object({ email: Email, password: z.string().min(1).max(256) });

/**
 * Signs in with email and password and, when the account has two-factor authentication, a code
 * from the app or a recovery code. The session token is kept in the web's httpOnly cookie.
 */
export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const locale = localeOf(formData.get('locale'));
  const next = safeNext(formData.get('next')) ?? '';
  const challenge = String(formData.get('challenge') ?? '');

  let email: string;
  let password: string;
  let code: string | undefined;
  if (challenge) {
    const pending = Pending.safeParse(unseal(challenge));
    if (!pending.success)
      return { step: 'password', email: '', next, fieldErrors: {}, formError: 'signInAgain' };
    ({ email, password } = pending.data);
    const factor = SecondFactor.safeParse(String(formData.get('code') ?? ''));
    if (!factor.success) {
      return { step: 'code', email, next, challenge, fieldErrors: { code: 'secondFactorFormat' } };
    }
    code = factor.data;
  } else {
    const typed = String(formData.get('email') ?? '');
    const credentials = Credentials.safeParse({
      email: typed,
      password: String(formData.get('password') ?? ''),
    });
    if (!credentials.success) {
      const fieldErrors = accountFieldErrors(
        credentials.error.issues.map((i) => ({ path: String(i.path[0]), code: i.code })),
      );
      if (fieldErrors.password) fieldErrors.password = 'passwordRequired';
      return { step: 'password', email: typed, next, fieldErrors };
    }
    ({ email, password } = credentials.data);
  }

  let answer: Awaited<ReturnType<typeof gateway.signIn>>;
  try {
    answer = await gateway.signIn({ email, password, ...(code ? { code } : {}) });
  } catch (error) {
    const failure = failureFrom(error instanceof GatewayError ? error.body : undefined, {
      unauthenticated: code ? 'wrongCode' : 'wrongCredentials',
    });
    if (code && failure.formError !== 'locked') {
      return { step: 'code', email, next, challenge, fieldErrors: {}, formError: failure.formError };
    }
    return { step: 'password', email, next, ...failure };
  }

  if (answer.status === 'mfa_required') {
    return {
      step: 'code',
      email,
      next,
      challenge: seal({ email, password }, CHALLENGE_TTL_MS),
      fieldErrors: {},
    };
  }
  await keepSession(answer.session);
  const { account } = answer;
  const mustEnrol = account.mfaRequired && !account.mfaEnabled;
  return redirect({ href: mustEnrol ? '/account/mfa' : next || homeFor(account), locale });
}
