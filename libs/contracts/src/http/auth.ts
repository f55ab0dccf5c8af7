import { z } from 'zod';
import { Account, Invitation, RoleWarning, SessionGrant } from '../identity/identity';

/** Signed up, signed in, or an invitation accepted: the session (also set as the cookie) and its account. */
export const SignedIn = z.object({ status: z.literal('signed_in'), session: SessionGrant, account: Account });
export type SignedIn = z.infer<typeof SignedIn>;

/** The signed-in account, its CSRF token, and whether it must enrol two-factor authentication first. */
export const Me = z.object({
  account: Account,
  csrfToken: z.string(),
  expiresAt: z.iso.datetime(),
  mfaEnrolmentRequired: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const SignedOut = z.object({ ended: z.boolean() });
export type SignedOut = z.infer<typeof SignedOut>;

export const PasswordChanged = z.object({ endedOtherSessions: z.number().int() });
export type PasswordChanged = z.infer<typeof PasswordChanged>;

/** The secret to add to an authenticator app, as text, as a link and as a QR code. */
export const MfaEnrolment = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() });
export type MfaEnrolment = z.infer<typeof MfaEnrolment>;

/** Two-factor authentication is on: the recovery codes, shown this once. */
export const MfaConfirmed = z.object({ recoveryCodes: z.array(z.string()) });
export type MfaConfirmed = z.infer<typeof MfaConfirmed>;

/** A new invitation and its token (shown once). */
export const IssuedInvitation = z.object({
  invitation: Invitation,
  token: z.string(),
  /** What the roles will block (four eyes), for the admin to see before passing the link on. */
  warnings: z.array(RoleWarning),
});
export type IssuedInvitation = z.infer<typeof IssuedInvitation>;

export const InvitationView = z.object({ invitation: Invitation });
export type InvitationView = z.infer<typeof InvitationView>;
