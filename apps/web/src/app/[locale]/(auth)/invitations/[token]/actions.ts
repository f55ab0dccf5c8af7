'use server';

import { z } from 'zod';
import { DisplayName, NewPassword, toFieldIssues } from '@bandanh/contracts';
import { redirect } from '@/i18n/navigation';
import { accountFieldErrors, type AccountErrorKey, type FieldErrors } from '@/lib/account-errors';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { localeOf } from '@/lib/locale';
import { ACCOUNT_WORDING } from '@/lib/refusal';
import { keepSession } from '@/lib/session';

export interface InvitationState {
  token: string;
  values: { displayName: string };
  fieldErrors: FieldErrors;
  formError?: AccountErrorKey;
}

const Acceptance = z
  .object({ displayName: DisplayName, password: NewPassword, confirm: z.string() })
  .refine((input) => input.password === input.confirm, {
    path: ['confirm'],
    message: 'The passwords differ',
  });

/** The invited person sets their name and password; they are signed in and asked to set up two-factor authentication. */
export async function acceptInvitation(
  previous: InvitationState,
  formData: FormData,
): Promise<InvitationState> {
  const token = String(formData.get('token') || previous.token).slice(0, 200);
  const values = { displayName: String(formData.get('displayName') ?? '') };
  const input = Acceptance.safeParse({
    ...values,
    password: String(formData.get('password') ?? ''),
    confirm: String(formData.get('confirm') ?? ''),
  });
  if (!input.success) {
    return {
      token,
      values,
      fieldErrors: accountFieldErrors(toFieldIssues(input.error)),
      formError: 'summary',
    };
  }

  const { displayName, password } = input.data;
  return submit(formData, {
    // The page's language becomes the account's: its emails are written in it.
    send: () =>
      api(ROUTES.acceptInvitation, {
        body: { token, displayName, password, locale: localeOf(formData.get('locale')) },
      }),
    wording: { ...ACCOUNT_WORDING, NOT_FOUND: 'invitationInvalid', CONFLICT: 'emailTaken' },
    refused: (refusal) => ({ token, values, ...refusal }),
    done: async ({ session }, locale) => {
      await keepSession(session);
      return redirect({ href: { pathname: '/account/mfa', query: { welcome: '1' } }, locale });
    },
  });
}
