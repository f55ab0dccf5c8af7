'use server';

import { Email } from '@bandanh/contracts';
import {
  RESET_WORDING,
  resetError,
  type ResetErrorKey,
  type ResetFieldErrors,
} from '@/components/password-reset/reset-state';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';

export interface ResetRequestState {
  email: string;
  fieldErrors: ResetFieldErrors;
  formError?: ResetErrorKey;
  /** The ask went through: the answer is the same whether or not the address has an account. */
  sent?: boolean;
  /** With `rateLimited`: the minutes until the next try. */
  minutes?: number;
}

/**
 * Asks for a reset link. The page then says the same for every address: a link is on its way if
 * an account has it (the API answers alike, known address or not).
 */
export async function requestReset(
  _previous: ResetRequestState,
  formData: FormData,
): Promise<ResetRequestState> {
  const email = String(formData.get('email') ?? '').slice(0, 254);
  const input = Email.safeParse(email);
  if (!input.success) return { email, fieldErrors: { email: 'emailInvalid' }, formError: 'summary' };
  return submit(formData, {
    send: () => api(ROUTES.requestPasswordReset, { body: { email: input.data } }),
    wording: {
      ...RESET_WORDING,
      fields: (issues) =>
        issues.some((issue) => issue.path.endsWith('email')) ? { email: 'emailInvalid' as const } : {},
    },
    refused: ({ fieldErrors, formError, minutes }) => ({
      email,
      fieldErrors: fieldErrors as ResetFieldErrors,
      formError: resetError(formError),
      minutes,
    }),
    done: () => ({ email: input.data, fieldErrors: {}, sent: true }),
  });
}
