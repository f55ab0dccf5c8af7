import { z } from 'zod';
import { STAFF_ROLES } from '../constants/roles';

/** Staff roles; a person may hold several. Applicants hold none of them. */
export { STAFF_ROLES };
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

/** Roles whose accounts cannot act before they have two-factor authentication. */
export const MFA_REQUIRED_ROLES: readonly StaffRole[] = [
  'admin',
  'approver',
  'finance',
  'protection_officer',
  'programme_manager',
  'grant_committee',
  'director',
];

/**
 * Who may do what, by group: the gateway's route table and the web's navigation read these,
 * so the two cannot drift. `applicant` stands for a signed-in CBO member.
 */
export const ROLE_GROUPS = {
  /** Everyone who works with CBO records, and the CBO's own members (services narrow that to their CBO). */
  cboReaders: ['admin', 'coordinator', 'assessor', 'approver', 'trainer', 'finance', 'applicant'],
  /** Who records CBOs and links members to them. */
  cboWriters: ['coordinator', 'admin'],
  /** Who sees claims to belong to a CBO (an applicant only their own). */
  claimReaders: ['coordinator', 'admin', 'applicant'],
  admins: ['admin'],
  applicants: ['applicant'],
  /** Programme staff who read assessments, the hotline, the expansion dashboard and the settings. */
  programmeStaff: ['admin', 'coordinator', 'assessor', 'approver'],
  /** Who records needs assessments. */
  assessors: ['assessor'],
  /** Who may preview an assessment's score before recording it. */
  scorers: ['assessor', 'admin'],
  /** Who logs hotline calls, keeps the partner list and records referral outcomes. */
  hotlineStaff: ['coordinator', 'admin'],
  /** Who decides selection (never what they assessed). */
  approvers: ['approver'],
  /** Who sees a CBO's notifications: admins, and its own members (the service narrows them to it). */
  notificationReaders: ['admin', 'applicant'],
  /** Staff who have a task inbox. */
  taskHolders: [
    'admin',
    'coordinator',
    'assessor',
    'approver',
    'trainer',
    'finance',
    'reviewer',
    'programme_manager',
    'grant_committee',
    'director',
  ],
  /** Who reads the training catalogue: programme staff and the trainers. */
  trainingReaders: ['admin', 'coordinator', 'assessor', 'approver', 'trainer'],
  /** Who keeps any trainer's profile (modules, provinces, availability). */
  trainerKeepers: ['admin', 'coordinator'],
  /** Trainers, who keep their own availability. */
  trainers: ['trainer'],
  /** Who schedules training sessions (a trainer only sessions they teach). */
  sessionSchedulers: ['admin', 'coordinator', 'trainer'],
  /** Who opens and changes grant rounds. */
  roundKeepers: ['admin'],
  /**
   * Staff who read grant rounds, applications and review boards: programme staff, the approval
   * chain and finance. Reviewers read only what they are assigned (the service narrows them).
   */
  grantReaders: [
    'admin',
    'coordinator',
    'approver',
    'programme_manager',
    'grant_committee',
    'director',
    'finance',
  ],
  /** Who checks an application's eligibility. */
  eligibilityCheckers: ['coordinator', 'admin'],
  /** Who scores applications they are assigned. */
  reviewers: ['reviewer'],
  /** Who may sit in an approval chain (the step's role decides which). */
  grantApprovers: ['programme_manager', 'grant_committee', 'director', 'approver'],
  /** A CBO's members, who apply for its grants. */
  grantApplicants: ['applicant'],
  /** Staff who may declare a relationship with a CBO (anyone who could review or decide). */
  relationshipDeclarers: [
    'admin',
    'coordinator',
    'assessor',
    'approver',
    'trainer',
    'finance',
    'reviewer',
    'programme_manager',
    'grant_committee',
    'director',
  ],
} as const satisfies Record<string, ReadonlyArray<StaffRole | 'applicant'>>;

export const ACCOUNT_KINDS = ['staff', 'applicant'] as const;
export const AccountKind = z.enum(ACCOUNT_KINDS);
export type AccountKind = z.infer<typeof AccountKind>;

/**
 * Who is asking. It travels with every NATS message (header `bandanh-caller`), and each
 * service decides with it. `system` is a service acting on its own behalf (a workflow).
 */
export const Caller = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('staff'),
    userId: z.uuid(),
    roles: z.array(StaffRole),
    sessionId: z.string().optional(),
  }),
  z.object({
    kind: z.literal('applicant'),
    userId: z.uuid(),
    /** The one CBO whose records this applicant may see; null until linked. */
    cboId: z.uuid().nullable(),
    sessionId: z.string().optional(),
  }),
  z.object({ kind: z.literal('system'), service: z.string().min(1) }),
  z.object({ kind: z.literal('anonymous') }),
]);
export type Caller = z.infer<typeof Caller>;

export const CALLER_HEADER = 'bandanh-caller';

export function hasRole(caller: Caller, ...roles: StaffRole[]): boolean {
  return caller.kind === 'staff' && caller.roles.some((role) => roles.includes(role));
}

export function mfaRequiredFor(roles: readonly StaffRole[]): boolean {
  return roles.some((role) => MFA_REQUIRED_ROLES.includes(role));
}

/** Whoever assessed, requested or recommended a thing cannot approve it (four eyes). */
export function breaksFourEyes(
  approverId: string,
  involved: { assessedBy?: string | null; requestedBy?: string | null; recommendedBy?: string | null },
): boolean {
  return [involved.assessedBy, involved.requestedBy, involved.recommendedBy].some((id) => id === approverId);
}
