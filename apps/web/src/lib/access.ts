import { ROLE_GROUPS, type Account } from '@bandanh/contracts';

/**
 * What an account may do in the web. It reads the same role groups as the gateway's route table
 * (`ROLE_GROUPS` in the contracts), so the two cannot drift; the gateway decides, and this only
 * spares people links and forms they cannot use.
 */
export type Capability =
  /** See CBOs: every staff role but protection, and applicants (their own CBO only). */
  | 'readCbos'
  /** Record a candidate CBO, give its members link codes, and decide claims to belong to one. */
  | 'recordCbo'
  /** Link their account to their CBO, with a code or by claiming it. */
  | 'linkCbo'
  /** See every applicant's claim to belong to a CBO (staff only; an applicant sees their own on the link page). */
  | 'reviewClaims'
  /** Confirm or decline a claim. */
  | 'decideClaims'
  /** Accounts, roles, invitations, the audit log and the programme's settings. */
  | 'administer'
  /** See their own CBO's page ("My group"): applicants. */
  | 'readOwnCbo'
  /** Have a task inbox: every staff role but protection. */
  | 'readTasks'
  /** See every task in the inbox, whoever it is for: coordinators and admins. */
  | 'readAllTasks'
  /** Read assessments, referrals, partners, field visits, the hotline and the expansion dashboard. */
  | 'readProgramme'
  /** Record a needs assessment. */
  | 'assessCbos'
  /** Select or decline a CBO (never one they assessed: the gateway enforces four eyes). */
  | 'decideSelection'
  /** Send a declined CBO back to assessment, or withdraw a CBO. */
  | 'steerPipeline'
  /** Read the training programme: sessions, the catalogue (programme staff and trainers). */
  | 'readTraining'
  /** Schedule, move and cancel sessions (a trainer only those they teach). */
  | 'scheduleTraining'
  /** Keep every trainer's profile; see every trainer's sessions. */
  | 'keepTrainers'
  /** Be a trainer: their own availability and calendar feed. */
  | 'teach'
  /** Read grant rounds, a round's applications and review boards (grant staff). */
  | 'readGrants'
  /** Open and change grant rounds (admins). */
  | 'keepRounds'
  /** Check a submitted grant application's eligibility (coordinators and admins). */
  | 'checkGrantEligibility'
  /** Review and score the grant applications assigned to them (reviewers). */
  | 'reviewGrants'
  /** Decide a step of a grant's approval chain (the step's role decides which). */
  | 'approveGrants'
  /** Declare relationships with CBOs, so as never to review their applications (staff). */
  | 'declareRelationships';

type Who = Pick<Account, 'kind' | 'roles'>;
type RoleGroup = keyof typeof ROLE_GROUPS;

/** Whether the account belongs to a group: an applicant by its kind, staff by any of their roles. */
function inGroup(account: Who, group: RoleGroup): boolean {
  const members: readonly string[] = ROLE_GROUPS[group];
  if (account.kind === 'applicant') return members.includes('applicant');
  return account.roles.some((role) => members.includes(role));
}

export function can(account: Who, capability: Capability): boolean {
  switch (capability) {
    case 'readCbos':
      return inGroup(account, 'cboReaders');
    case 'recordCbo':
    case 'decideClaims':
    case 'readAllTasks':
    case 'steerPipeline':
      return inGroup(account, 'cboWriters');
    case 'linkCbo':
    case 'readOwnCbo':
      return inGroup(account, 'applicants');
    case 'reviewClaims':
      return account.kind === 'staff' && inGroup(account, 'claimReaders');
    case 'administer':
      return inGroup(account, 'admins');
    case 'readTasks':
      return inGroup(account, 'taskHolders');
    case 'readProgramme':
      return inGroup(account, 'programmeStaff');
    case 'assessCbos':
      return inGroup(account, 'assessors');
    case 'decideSelection':
      return inGroup(account, 'approvers');
    case 'readTraining':
      return account.kind === 'staff' && inGroup(account, 'trainingReaders');
    case 'scheduleTraining':
      return account.kind === 'staff' && inGroup(account, 'sessionSchedulers');
    case 'keepTrainers':
      return inGroup(account, 'trainerKeepers');
    case 'teach':
      return account.kind === 'staff' && inGroup(account, 'trainers');
    case 'readGrants':
      return account.kind === 'staff' && inGroup(account, 'grantReaders');
    case 'keepRounds':
      return account.kind === 'staff' && inGroup(account, 'roundKeepers');
    case 'checkGrantEligibility':
      return account.kind === 'staff' && inGroup(account, 'eligibilityCheckers');
    case 'reviewGrants':
      return account.kind === 'staff' && inGroup(account, 'reviewers');
    case 'approveGrants':
      return account.kind === 'staff' && inGroup(account, 'grantApprovers');
    case 'declareRelationships':
      return account.kind === 'staff' && inGroup(account, 'relationshipDeclarers');
  }
}

/**
 * Where an account lands after signing in when no page asked for it: a CBO member to their
 * group's page (or, not linked yet, to the page that links it); assessors and approvers, whose
 * work comes as tasks, to their inbox; trainers to their sessions; other CBO readers (staff) to
 * the list.
 */
export function homeFor(account: Who & { cboId?: string | null }): string {
  if (account.kind === 'applicant') return account.cboId ? '/my-cbo' : '/account/link-cbo';
  if (can(account, 'assessCbos') || can(account, 'decideSelection')) return '/tasks';
  // A trainer's work is their sessions (one who also runs the programme lands on the list).
  if (can(account, 'teach') && !can(account, 'recordCbo')) return '/training';
  if (can(account, 'readCbos')) return '/cbos';
  // Reviewers and the grant approvers, who read no CBO records: their reviews, their inbox.
  if (can(account, 'reviewGrants')) return '/grants/reviews';
  return can(account, 'readTasks') ? '/tasks' : '/';
}

/**
 * The page to return to after signing in: a path inside the web (without the locale), never
 * another site. Anything else gives undefined.
 */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 500) return undefined;
  if (!/^\/(?![/\\])/.test(value) || /[\\\s]/.test(value) || value.includes('//')) return undefined;
  // The locale is the page's own: a path that names one keeps the rest.
  const path = value.replace(/^\/(km|en)(?=\/|\?|$)/, '') || '/';
  if (!path.startsWith('/') || /^\/(sign-in|sign-up)(\/|\?|$)/.test(path)) return undefined;
  return path;
}
