'use server';

import { z } from 'zod';
import { NewPassword, toFieldIssues } from '@bandanh/contracts';
import { accountFieldErrors, type AccountErrorKey, type FieldErrors } from '@/lib/account-errors';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { accountWording } from '@/lib/refusal';

export interface PasswordState {
  fieldErrors: FieldErrors;
  formError?: AccountErrorKey;
  /** Set once changed: how many other sessions of the account were ended. */
  endedOtherSessions?: number;
}

const Change = z
  .object({ current: z.string().min(1).max(256), password: NewPassword, confirm: z.string() })
  .refine((input) => input.password === input.confirm, {
    path: ['confirm'],
    message: 'The passwords differ',
  });

/** Changes the password; the gateway ends the account's other sessions. */
export async function changePassword(_previous: PasswordState, formData: FormData): Promise<PasswordState> {
  const input = Change.safeParse({
    current: String(formData.get('current') ?? ''),
    password: String(formData.get('password') ?? ''),
    confirm: String(formData.get('confirm') ?? ''),
  });
  if (!input.success)
    return { fieldErrors: accountFieldErrors(toFieldIssues(input.error)), formError: 'summary' };
  const { current, password } = input.data;
  return submit(formData, {
    path: '/account/password',
    send: () => api(ROUTES.changePassword, { body: { current, next: password } }),
    // The API names the new password `next`, and reports every refusal of it there, a common one
    // included: the form calls that field `password`.
    wording: accountWording({ next: 'password' }),
    refused: (refusal) => refusal,
    done: ({ endedOtherSessions }) => ({ fieldErrors: {}, endedOtherSessions }),
  });
}
