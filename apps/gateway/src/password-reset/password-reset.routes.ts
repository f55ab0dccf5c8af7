import { z } from 'zod';
import { Email, NewPassword, PasswordResetToken } from '@bandanh/contracts';
import { RATE_LIMITED, defineRoute, problem } from '../http/route-def';

const LINK_GONE =
  'The link is not valid, was used, was replaced by a newer one, or has expired (reason reset_link_invalid)';

/**
 * Password reset by email, for anyone: ask for a link (the answer is the same whether or not an
 * account has the address), check a link, and set a new password with it. The link's token
 * travels in bodies, never in an API path, so no request log holds it.
 */
export const PASSWORD_RESET_ROUTES = {
  requestPasswordReset: defineRoute({
    method: 'POST',
    path: '/api/auth/password-reset',
    operationId: 'requestPasswordReset',
    rateLimit: 'publicWrite',
    summary: 'Mails a single-use, expiring reset link to the account with this address, if there is one',
    tag: 'auth',
    access: 'public',
    body: z.object({ email: Email }),
    status: 202,
    responses: {
      202: {
        description:
          'Always the same answer: a link was mailed if an active account has the address and did not ask too often',
        schema: z.object({ accepted: z.literal(true) }),
      },
      400: problem('The address is not an email address'),
      429: problem(RATE_LIMITED),
    },
  }),
  checkPasswordReset: defineRoute({
    method: 'POST',
    path: '/api/auth/password-reset/check',
    operationId: 'checkPasswordReset',
    rateLimit: 'publicWrite',
    summary: 'Whether a reset link can still be used, before its form is filled',
    tag: 'auth',
    access: 'public',
    body: z.object({ token: PasswordResetToken }),
    status: 200,
    responses: {
      200: { description: 'The link works until then', schema: z.object({ expiresAt: z.iso.datetime() }) },
      404: problem(LINK_GONE),
      429: problem(RATE_LIMITED),
    },
  }),
  completePasswordReset: defineRoute({
    method: 'POST',
    path: '/api/auth/password-reset/completion',
    operationId: 'completePasswordReset',
    rateLimit: 'publicWrite',
    summary: 'Sets a new password with a reset link: the link is spent and every session of the account ends',
    tag: 'auth',
    access: 'public',
    body: z.object({ token: PasswordResetToken, password: NewPassword }),
    status: 200,
    responses: {
      200: {
        description: 'Changed; the person signs in with the new password (and their second factor)',
        schema: z.object({ endedSessions: z.number().int() }),
      },
      400: problem('The password is too short, too long or too common'),
      404: problem(LINK_GONE),
      429: problem(RATE_LIMITED),
    },
  }),
};
