import type { Account, StaffRole } from '@bandanh/contracts';

/**
 * What an account may do in the web. It mirrors the access rules of the gateway's route table
 * (the gateway decides; this only spares people links and forms they cannot use).
 */
export type Capability =
  /** See CBOs: every staff role but protection, and applicants (their own CBO only). */
  | 'readCbos'
  /** Record a candidate CBO and give its members link codes. */
  | 'recordCbo'
  /** Link their account to their CBO with a code. */
  | 'linkCbo'
  /** Accounts, roles, invitations and the audit log. */
  | 'administer';

const CBO_READERS: readonly StaffRole[] = [
  'admin',
  'coordinator',
  'assessor',
  'approver',
  'trainer',
  'finance',
];
const CBO_WRITERS: readonly StaffRole[] = ['admin', 'coordinator'];

type Who = Pick<Account, 'kind' | 'roles'>;

const holds = (account: Who, roles: readonly StaffRole[]) =>
  account.kind === 'staff' && account.roles.some((role) => roles.includes(role));

export function can(account: Who, capability: Capability): boolean {
  switch (capability) {
    case 'readCbos':
      return account.kind === 'applicant' || holds(account, CBO_READERS);
    case 'recordCbo':
      return holds(account, CBO_WRITERS);
    case 'linkCbo':
      return account.kind === 'applicant';
    case 'administer':
      return holds(account, ['admin']);
  }
}

/** Where an account lands after signing in when no page asked for it. */
export function homeFor(account: Who): string {
  return can(account, 'readCbos') ? '/cbos' : '/';
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
