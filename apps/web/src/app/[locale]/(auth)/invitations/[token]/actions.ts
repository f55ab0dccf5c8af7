'use server';

import { z } from 'zod';
import { DisplayName, NewPassword, toFieldIssues } from '@bandanh/contracts';
import { redirect } from '@/i18n/navigation';
import {
  accountFieldErrors,
  failureFrom,
  type AccountErrorKey,
  type FieldErrors,
} from '@/lib/account-errors';
import { GatewayError, gateway } from '@/lib/gateway';
import { localeOf } from '@/lib/locale';
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
  const locale = localeOf(formData.get('locale'));
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

  let answer: Awaited<ReturnType<typeof gateway.acceptInvitation>>;
  try {
    answer = await gateway.acceptInvitation({
      token,
      displayName: input.data.displayName,
      password: input.data.password,
    });
  } catch (error) {
    const failure = failureFrom(error instanceof GatewayError ? error.body : undefined, {
      notFound: 'invitationInvalid',
      conflict: 'emailTaken',
    });
    return { token, values, ...failure };
  }
  await keepSession(answer.session);
  return redirect({ href: { pathname: '/account/mfa', query: { welcome: '1' } }, locale });
}
