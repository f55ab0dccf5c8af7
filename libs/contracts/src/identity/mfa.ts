import { z } from 'zod';
import { defineContract } from '../contract';
import { SecondFactor } from './identity';

/** The signed-in account's two-factor authentication: on or off, and how many recovery codes are unused. */
export const MfaStatus = z.object({
  enabled: z.boolean(),
  recoveryCodesLeft: z.number().int().min(0),
});
export type MfaStatus = z.infer<typeof MfaStatus>;

export const getMfaStatus = defineContract({
  subject: 'identity.mfa.status',
  request: z.object({}),
  response: MfaStatus,
});

/**
 * Replaces the account's recovery codes with new ones, shown this once; the old ones stop
 * working. Proven with a current code from the app or an unused recovery code.
 */
export const regenerateRecoveryCodes = defineContract({
  subject: 'identity.recoveryCodes.regenerate',
  request: z.object({ code: SecondFactor }),
  response: z.object({ recoveryCodes: z.array(z.string()) }),
});

/**
 * An admin turns off another staff member's lost second factor: its secret and recovery codes
 * go, their sessions end, and they set it up again at their next sign-in. `reset: false` when
 * it was already off (a second click). An admin cannot reset their own (`own_account`).
 */
export const resetMfa = defineContract({
  subject: 'identity.mfa.reset',
  request: z.object({ userId: z.uuid() }),
  response: z.object({ reset: z.boolean(), endedSessions: z.number().int() }),
});
