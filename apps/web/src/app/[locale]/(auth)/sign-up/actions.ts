'use server';

import { z } from 'zod';
import { DisplayName, Email, NewPassword, toFieldIssues } from '@bandanh/contracts';
import { redirect } from '@/i18n/navigation';
import { homeFor } from '@/lib/access';
import {
  accountFieldErrors,
  failureFrom,
  type AccountErrorKey,
  type FieldErrors,
} from '@/lib/account-errors';
import { GatewayError, gateway } from '@/lib/gateway';
import { localeOf } from '@/lib/locale';
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
  const locale = localeOf(formData.get('locale'));
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

  let answer: Awaited<ReturnType<typeof gateway.signUp>>;
  try {
    const { email, displayName, password } = input.data;
    answer = await gateway.signUp({ email, displayName, password });
  } catch (error) {
    return {
      values,
      ...failureFrom(error instanceof GatewayError ? error.body : undefined, { conflict: 'emailTaken' }),
    };
  }
  await keepSession(answer.session);
  return redirect({ href: homeFor(answer.account), locale });
}
