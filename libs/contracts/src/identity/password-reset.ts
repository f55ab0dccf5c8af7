import { z } from 'zod';
import { defineContract } from '../contract';
import { Email, NewPassword } from './identity';

/** The secret of a reset link, as the email carries it (never stored: identity keeps its hash). */
export const PasswordResetToken = z.string().trim().min(1, 'The link is not complete').max(200);

/**
 * Asks for a reset link by email. The answer is the same whether or not an account has the
 * address, and whether or not a link was sent (an address asked for too often gets none).
 */
export const requestPasswordReset = defineContract({
  subject: 'identity.passwordReset.request',
  request: z.object({ email: Email }),
  response: z.object({ accepted: z.literal(true) }),
});

/** Whether a reset link can still be used (not used, not replaced, not expired): its expiry, or NOT_FOUND. */
export const checkPasswordReset = defineContract({
  subject: 'identity.passwordReset.check',
  request: z.object({ token: PasswordResetToken }),
  response: z.object({ expiresAt: z.iso.datetime() }),
});

/**
 * Sets a new password with a reset link, which is then spent; every session of the account
 * ends. A link that was used, replaced by a newer one or has expired is NOT_FOUND
 * (`reset_link_invalid`).
 */
export const completePasswordReset = defineContract({
  subject: 'identity.passwordReset.complete',
  request: z.object({ token: PasswordResetToken, password: NewPassword }),
  response: z.object({ endedSessions: z.number().int() }),
});
