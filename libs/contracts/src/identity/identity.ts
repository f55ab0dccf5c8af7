import { z } from 'zod';
import { defineContract } from '../contract';
import { NotificationLocale } from '../orchestrator/notifications';
import { AccountKind, Caller, StaffRole } from './caller';

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address' }));

/** At least 8 characters (15 or more recommended); the common-password check runs in the service. */
export const NewPassword = z
  .string()
  .min(8, 'The password must be at least 8 characters')
  .max(256, 'The password must be at most 256 characters');

export const TotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app');

/** A one-time code from the authenticator app, or one of the recovery codes. */
export const SecondFactor = z
  .string()
  .trim()
  .regex(/^(\d{6}|[a-z0-9]{5}-[a-z0-9]{5})$/i, 'Enter the 6-digit code or a recovery code');

export const DisplayName = z.string().trim().min(1, 'Enter your name').max(120);

export const Account = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  kind: AccountKind,
  roles: z.array(StaffRole),
  cboId: z.uuid().nullable(),
  mfaEnabled: z.boolean(),
  /** The account's roles need two-factor authentication. */
  mfaRequired: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Account = z.infer<typeof Account>;

export const SessionGrant = z.object({
  token: z.string(),
  csrfToken: z.string(),
  expiresAt: z.iso.datetime(),
});
export type SessionGrant = z.infer<typeof SessionGrant>;

const SignedIn = z.object({ status: z.literal('signed_in'), session: SessionGrant, account: Account });

/** The password was right and a second factor is needed: send it with this challenge. */
export const MfaRequired = z.object({
  status: z.literal('mfa_required'),
  /** Single-use and short-lived; stands in for the password at the second step. */
  challenge: z.string(),
  expiresAt: z.iso.datetime(),
});

export const SignInRequest = z.union([
  z.object({
    email: Email,
    password: z.string().min(1, 'Enter your password').max(256),
    code: SecondFactor.optional(),
  }),
  z.object({ challenge: z.string().min(1).max(200), code: SecondFactor }),
]);

export const SignInResult = z.discriminatedUnion('status', [SignedIn, MfaRequired]);
export type SignInResult = z.infer<typeof SignInResult>;
export type SignInRequest = z.infer<typeof SignInRequest>;

export const signIn = defineContract({
  subject: 'identity.session.signIn',
  request: SignInRequest,
  response: SignInResult,
});

export const ResolvedSession = z.object({
  caller: Caller,
  account: Account,
  csrfToken: z.string(),
  expiresAt: z.iso.datetime(),
  /** The account must enrol two-factor authentication before anything else. */
  mfaEnrolmentRequired: z.boolean(),
});
export type ResolvedSession = z.infer<typeof ResolvedSession>;

export const resolveSession = defineContract({
  subject: 'identity.session.resolve',
  request: z.object({ token: z.string().min(1).max(200) }),
  response: ResolvedSession,
});

export const signOut = defineContract({
  subject: 'identity.session.signOut',
  request: z.object({ token: z.string().min(1).max(200) }),
  response: z.object({ ended: z.boolean() }),
});

/** The language a person reads, from the page they signed up or accepted an invitation on (Khmer when not said). */
export const AccountLocale = NotificationLocale.default('km');

export const signUp = defineContract({
  subject: 'identity.applicant.signUp',
  request: z.object({ email: Email, displayName: DisplayName, password: NewPassword, locale: AccountLocale }),
  response: SignedIn,
});

export const changePassword = defineContract({
  subject: 'identity.password.change',
  request: z.object({ current: z.string().min(1).max(256), next: NewPassword }),
  response: z.object({ endedOtherSessions: z.number().int() }),
});

export const beginMfa = defineContract({
  subject: 'identity.mfa.begin',
  request: z.object({}),
  response: z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() }),
});

export const confirmMfa = defineContract({
  subject: 'identity.mfa.confirm',
  request: z.object({ code: TotpCode }),
  response: z.object({ recoveryCodes: z.array(z.string()) }),
});

export const Invitation = z.object({
  id: z.uuid(),
  email: z.string(),
  roles: z.array(StaffRole),
  expiresAt: z.iso.datetime(),
});

/**
 * What a set of roles will block, for the admin who gives it: `four_eyes_assessor_approver` when
 * one person is both assessor and approver (four eyes then stops them deciding a CBO they assessed).
 */
export const RoleWarning = z.enum(['four_eyes_assessor_approver']);
export type RoleWarning = z.infer<typeof RoleWarning>;

export function roleWarnings(roles: readonly StaffRole[]): RoleWarning[] {
  return roles.includes('assessor') && roles.includes('approver')
    ? [RoleWarning.enum.four_eyes_assessor_approver]
    : [];
}

export const createInvitation = defineContract({
  subject: 'identity.invitation.create',
  request: z.object({ email: Email, roles: z.array(StaffRole).min(1, 'Choose at least one role') }),
  response: z.object({ invitation: Invitation, token: z.string(), warnings: z.array(RoleWarning) }),
});

/** An invitation still waiting: not accepted, not expired, not revoked; who invited whom, and when. */
export const PendingInvitation = Invitation.extend({
  invitedBy: z.uuid(),
  createdAt: z.iso.datetime(),
});
export type PendingInvitation = z.infer<typeof PendingInvitation>;

export const listInvitations = defineContract({
  subject: 'identity.invitation.list',
  request: z.object({}),
  response: z.object({ items: z.array(PendingInvitation) }),
});

/** Revokes a pending invitation: its link then answers like an expired one. Revoking twice is a no-op. */
export const revokeInvitation = defineContract({
  subject: 'identity.invitation.revoke',
  request: z.object({ id: z.uuid() }),
  response: z.object({ revoked: z.boolean() }),
});

/** What an invitation link is for, before the invited person fills the form. */
export const getInvitation = defineContract({
  subject: 'identity.invitation.get',
  request: z.object({ token: z.string().min(1).max(200) }),
  response: z.object({ invitation: Invitation }),
});

export const acceptInvitation = defineContract({
  subject: 'identity.invitation.accept',
  request: z.object({
    token: z.string().min(1).max(200),
    displayName: DisplayName,
    password: NewPassword,
    locale: AccountLocale,
  }),
  response: SignedIn,
});

export const issueCboLinkCode = defineContract({
  subject: 'identity.cboLink.issue',
  request: z.object({ cboId: z.uuid() }),
  response: z.object({ code: z.string(), expiresAt: z.iso.datetime() }),
});

export const redeemCboLinkCode = defineContract({
  subject: 'identity.cboLink.redeem',
  request: z.object({ code: z.string().trim().min(1).max(40) }),
  response: z.object({ account: Account }),
});

export const listAccounts = defineContract({
  subject: 'identity.account.list',
  request: z.object({}),
  response: z.object({ items: z.array(Account) }),
});

/** Staff members' display names, for staff pages that show who did what; applicants' are not given. */
export const lookupStaffNames = defineContract({
  subject: 'identity.account.names',
  request: z.object({ ids: z.array(z.uuid()).max(100) }),
  response: z.object({ items: z.array(z.object({ id: z.uuid(), displayName: z.string() })) }),
});

export const setRoles = defineContract({
  subject: 'identity.account.setRoles',
  request: z.object({ userId: z.uuid(), roles: z.array(StaffRole) }),
  response: z.object({ account: Account }),
});

/** A service as an entry's actor: `system:<service>`. */
export const AuditSystemActor = z.string().regex(/^system:[a-z][a-z-]{0,40}$/, 'A service is system:<name>');

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  actorId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** One entry a service asks the audit log to append. */
export const AuditAppend = z.object({
  action: z.string().min(1).max(100),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
  outcome: z.enum(AUDIT_OUTCOMES),
  details: z.record(z.string(), z.unknown()).optional(),
  /**
   * Who a service records this for: a person (a workflow's decision), another service
   * (`system:<service>`, the one that asked for the change), or null for the public (an
   * application from the public site). Only a service may name one.
   */
  onBehalfOf: z.union([z.uuid(), AuditSystemActor]).nullable().optional(),
  /** The event's own id (a workflow step's), so that a retried append records it once. */
  eventId: z.string().min(1).max(200).optional(),
});

export const appendAudit = defineContract({
  subject: 'identity.audit.append',
  request: AuditAppend,
  response: z.object({ seq: z.number().int() }),
});

/** The most entries one `appendAuditEntries` carries. */
export const AUDIT_BATCH_MAX = 25;

/**
 * Several entries at once, appended in their order in one transaction under one turn of the
 * chain's lock: a service's outbox sends its backlog this way. Each entry is checked as
 * `appendAudit` checks it, and an entry whose event id is recorded already is not appended again.
 */
export const appendAuditEntries = defineContract({
  subject: 'identity.audit.appendMany',
  request: z.object({ entries: z.array(AuditAppend).min(1).max(AUDIT_BATCH_MAX) }),
  response: z.object({ seqs: z.array(z.number().int()) }),
});

/** A calendar day in Cambodia (Asia/Phnom_Penh), YYYY-MM-DD. */
const AuditDay = z.iso.date({ error: 'Enter a date as YYYY-MM-DD' });

/**
 * Which entries, newest first: by who (an account id or `system:<service>`), what (an action),
 * which record (a target type, and its id), and the days (Cambodian dates, both included). A page
 * holds `limit` entries; `before` asks for the entries older than that seq, `after` for those
 * newer (the page then still reads newest first). With only `limit` it is the latest entries.
 */
export const AuditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    actorId: z.string().trim().min(1).max(100).optional(),
    action: z.string().trim().min(1).max(100).optional(),
    targetType: z.string().trim().min(1).max(50).optional(),
    targetId: z.string().trim().min(1).max(100).optional(),
    from: AuditDay.optional(),
    to: AuditDay.optional(),
    before: z.coerce.number().int().min(1).optional(),
    after: z.coerce.number().int().min(0).optional(),
  })
  .refine((query) => !(query.from && query.to && query.from > query.to), {
    message: 'The start date is after the end date',
    path: ['to'],
  })
  .refine((query) => query.before === undefined || query.after === undefined, {
    message: 'Ask for older or for newer entries, not both',
    path: ['after'],
  });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const listAudit = defineContract({
  subject: 'identity.audit.list',
  request: AuditQuery,
  response: z.object({
    items: z.array(AuditEntry),
    /** `before` for the next older page, when there are older entries that match. */
    older: z.number().int().nullable().optional(),
    /** `after` for the next newer page, when there are newer entries that match. */
    newer: z.number().int().nullable().optional(),
  }),
});

export const AuditVerification = z.object({
  valid: z.boolean(),
  entries: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
});

export const verifyAudit = defineContract({
  subject: 'identity.audit.verify',
  request: z.object({}),
  response: AuditVerification,
});

export const CLAIM_STATUSES = ['pending', 'confirmed', 'declined'] as const;

/** An applicant's claim to belong to a CBO, which a coordinator confirms or declines. */
export const CboClaim = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  applicantName: z.string(),
  applicantEmail: z.string(),
  cboName: z.string(),
  provinceCode: z.string(),
  note: z.string(),
  status: z.enum(CLAIM_STATUSES),
  cboId: z.uuid().nullable(),
  decisionReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type CboClaim = z.infer<typeof CboClaim>;

export const ClaimDraft = z.object({
  cboName: z.string().trim().min(1, 'Enter the name of your CBO').max(200),
  provinceCode: z.string().trim().min(1, 'Choose a province').max(10),
  note: z.string().trim().max(1000).default(''),
});

export const createCboClaim = defineContract({
  subject: 'identity.cboClaim.create',
  request: ClaimDraft,
  response: z.object({ claim: CboClaim }),
});

export const listCboClaims = defineContract({
  subject: 'identity.cboClaim.list',
  request: z.object({ status: z.enum(CLAIM_STATUSES).optional() }),
  response: z.object({ items: z.array(CboClaim) }),
});

export const decideCboClaim = defineContract({
  subject: 'identity.cboClaim.decide',
  request: z.discriminatedUnion('decision', [
    z.object({ claimId: z.uuid(), decision: z.literal('confirm'), cboId: z.uuid() }),
    z.object({
      claimId: z.uuid(),
      decision: z.literal('decline'),
      reason: z.string().trim().min(1, 'Give the reason').max(500),
    }),
  ]),
  response: z.object({ claim: CboClaim }),
});
