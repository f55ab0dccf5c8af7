'use server';

import { z } from 'zod';
import { NewPassword, toFieldIssues } from '@bandanh/contracts';
import {
  RESET_WORDING,
  resetError,
  type ResetErrorKey,
  type ResetFieldErrors,
} from '@/components/password-reset/reset-state';
import { redirect } from '@/i18n/navigation';
import { accountFieldErrors } from '@/lib/account-errors';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';

export interface NewPasswordState {
  token: string;
  fieldErrors: ResetFieldErrors;
  formError?: ResetErrorKey;
  /** The link was used, replaced by a newer one, or has expired: ask again. */
  linkInvalid?: boolean;
  minutes?: number;
}

const Choice = z
  .object({ password: NewPassword, confirm: z.string() })
  .refine((input) => input.password === input.confirm, {
    path: ['confirm'],
    message: 'The passwords differ',
  });

/** Sets the new password with the link's token; then the person signs in with it. */
export async function chooseNewPassword(
  previous: NewPasswordState,
  formData: FormData,
): Promise<NewPasswordState> {
  const token = String(formData.get('token') || previous.token).slice(0, 200);
  const input = Choice.safeParse({
    password: String(formData.get('password') ?? ''),
    confirm: String(formData.get('confirm') ?? ''),
  });
  if (!input.success)
    return { token, fieldErrors: accountFieldErrors(toFieldIssues(input.error)), formError: 'summary' };
  return submit(formData, {
    send: () => api(ROUTES.completePasswordReset, { body: { token, password: input.data.password } }),
    wording: { ...RESET_WORDING, fields: (issues) => accountFieldErrors(issues) },
    refused: ({ fieldErrors, formError, minutes }): NewPasswordState =>
      formError === 'linkInvalid'
        ? { token, fieldErrors: {}, linkInvalid: true }
        : { token, fieldErrors: fieldErrors as ResetFieldErrors, formError: resetError(formError), minutes },
    done: (_answer, locale) => redirect({ href: { pathname: '/sign-in', query: { reset: '1' } }, locale }),
  });
}
