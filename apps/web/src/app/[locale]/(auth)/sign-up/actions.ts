'use server';

import { z } from 'zod';
import { DisplayName, Email, NewPassword, toFieldIssues } from '@bandanh/contracts';
import { redirect } from '@/i18n/navigation';
import { homeFor } from '@/lib/access';
import { accountFieldErrors, type AccountErrorKey, type FieldErrors } from '@/lib/account-errors';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { localeOf } from '@/lib/locale';
import { ACCOUNT_WORDING } from '@/lib/refusal';
import { keepSession } from '@/lib/session';

export interface SignUpState {
  values: { email: string; displayName: string };
  fieldErrors: FieldErrors;
  formError?: AccountErrorKey;
}

const SignUp = z
  .object({ email: Email, displayName: DisplayName, password: NewPassword, confirm: z.string() })
  .refine((input) => input.password === input.confirm, {
    path: ['confirm'],
    message: 'The passwords differ',
  });

/** A CBO member creates an applicant account, and is signed in. */
export async function signUp(_previous: SignUpState, formData: FormData): Promise<SignUpState> {
  const values = {
    email: String(formData.get('email') ?? ''),
    displayName: String(formData.get('displayName') ?? ''),
  };
  const input = SignUp.safeParse({
    ...values,
    password: String(formData.get('password') ?? ''),
    confirm: String(formData.get('confirm') ?? ''),
  });
  if (!input.success) {
    return { values, fieldErrors: accountFieldErrors(toFieldIssues(input.error)), formError: 'summary' };
  }

  const { email, displayName, password } = input.data;
  return submit(formData, {
    // The page's language becomes the account's: its emails are written in it.
    send: () =>
      api(ROUTES.signUp, {
        body: { email, displayName, password, locale: localeOf(formData.get('locale')) },
      }),
    wording: { ...ACCOUNT_WORDING, CONFLICT: 'emailTaken' },
    refused: (refusal) => ({ values, ...refusal }),
    done: async ({ session, account }, locale) => {
      await keepSession(session);
      return redirect({ href: homeFor(account), locale });
    },
  });
}
