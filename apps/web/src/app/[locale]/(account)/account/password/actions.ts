'use server';

import { z } from 'zod';
import { NewPassword, toFieldIssues } from '@bandanh/contracts';
import { afterFailure } from '@/lib/auth';
import {
  accountFieldErrors,
  failureFrom,
  type AccountErrorKey,
  type FieldErrors,
} from '@/lib/account-errors';
import { GatewayError, gateway } from '@/lib/gateway';
import { localeOf } from '@/lib/locale';

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
  const locale = localeOf(formData.get('locale'));
  const input = Change.safeParse({
    current: String(formData.get('current') ?? ''),
    password: String(formData.get('password') ?? ''),
    confirm: String(formData.get('confirm') ?? ''),
  });
  if (!input.success)
    return { fieldErrors: accountFieldErrors(toFieldIssues(input.error)), formError: 'summary' };
  try {
    const { endedOtherSessions } = await gateway.changePassword({
      current: input.data.current,
      next: input.data.password,
    });
    return { fieldErrors: {}, endedOtherSessions };
  } catch (error) {
    afterFailure(error, locale, '/account/password');
    // The API names the new password `next`, and reports every refusal of it there, a common one
    // included: the form calls that field `password`.
    return failureFrom(error instanceof GatewayError ? error.body : undefined, {
      aliases: { next: 'password' },
    });
  }
}
