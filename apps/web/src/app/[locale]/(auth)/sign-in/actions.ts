'use server';

import { z } from 'zod';
import { Email, SecondFactor } from '@bandanh/contracts';
import { redirect } from '@/i18n/navigation';
import { homeFor, safeNext } from '@/lib/access';
import {
  accountFieldErrors,
  challengeExpired,
  type AccountErrorKey,
  type FieldErrors,
} from '@/lib/account-errors';
import { api, GatewayError, ROUTES, type RouteRequest } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { ACCOUNT_WORDING } from '@/lib/refusal';
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

/** The first step sends the password; the second sends only the challenge the first answered, with the code. */
type SignInInput = RouteRequest<typeof ROUTES.signIn>['body'];

const Credentials = z.object({ email: Email, password: z.string().min(1).max(256) });
const Challenge = z.string().trim().min(1).max(200);

/**
 * Signs in in up to two steps: email and password; then, when the account has two-factor
 * authentication, the challenge the first step answered with a code from the app or a recovery
 * code. The session token is kept in the web's httpOnly cookie.
 */
export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
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

  return submit(formData, {
    send: () => api(ROUTES.signIn, { body: input }),
    wording: { ...ACCOUNT_WORDING, UNAUTHENTICATED: challenge ? 'wrongCode' : 'wrongCredentials' },
    refused: (refusal, error): SignInState => {
      if (!challenge) return { step: 'password', email, next, ...refusal };
      // An expired or used challenge cannot be retried: back to the first step.
      if (challengeExpired(error instanceof GatewayError ? error.body : undefined)) {
        return startAgain('signInAgain');
      }
      if (refusal.formError === 'locked') return { step: 'password', email, next, ...refusal };
      // A wrong code leaves the challenge valid: try another code.
      return { step: 'code', email, next, challenge, fieldErrors: {}, formError: refusal.formError };
    },
    done: async (answer, locale) => {
      if (answer.status === 'mfa_required') {
        return { step: 'code', email, next, challenge: answer.challenge, fieldErrors: {} };
      }
      await keepSession(answer.session);
      const { account } = answer;
      const mustEnrol = account.mfaRequired && !account.mfaEnabled;
      return redirect({ href: mustEnrol ? '/account/mfa' : next || homeFor(account), locale });
    },
  });
}
