import { ROLE_GROUPS, breaksFourEyes, hasRole, type Caller, type StaffRole } from '@bandanh/contracts';
import { DomainError } from '../errors/domain-error';

type Person = Extract<Caller, { kind: 'staff' | 'applicant' }>;

/** The caller is a signed-in person (staff or applicant), or the request is refused. */
export function requirePerson(caller: Caller): Person {
  if (caller.kind !== 'staff' && caller.kind !== 'applicant') {
    throw new DomainError('UNAUTHENTICATED', 'Sign in first');
  }
  return caller;
}

/** The caller holds one of `roles`, or the request is refused. */
export function requireRole(caller: Caller, ...roles: StaffRole[]): Extract<Caller, { kind: 'staff' }> {
  requirePerson(caller);
  if (caller.kind !== 'staff' || !hasRole(caller, ...roles)) {
    throw new DomainError('FORBIDDEN', `This needs one of the roles: ${roles.join(', ')}`);
  }
  return caller;
}

export type RoleGroup = keyof typeof ROLE_GROUPS;

/**
 * The caller is in the named group of `ROLE_GROUPS`: a staff member with one of its roles, or,
 * where the group includes `applicant`, a signed-in CBO member (whose record-level access the
 * service still checks). Services name groups, never inline role lists.
 */
export function requireGroup<G extends RoleGroup>(
  caller: Caller,
  group: G,
): (typeof ROLE_GROUPS)[G] extends ReadonlyArray<infer R>
  ? 'applicant' extends R
    ? Person
    : Extract<Caller, { kind: 'staff' }>
  : never {
  const person = requirePerson(caller);
  const members: ReadonlyArray<StaffRole | 'applicant'> = ROLE_GROUPS[group];
  const allowed =
    person.kind === 'applicant'
      ? members.includes('applicant')
      : hasRole(person, ...members.filter((role): role is StaffRole => role !== 'applicant'));
  if (!allowed) {
    throw new DomainError(
      'FORBIDDEN',
      `This needs one of the roles: ${members.filter((role) => role !== 'applicant').join(', ')}`,
    );
  }
  return person as never;
}

/** The caller is the named service acting on its own behalf. */
export function requireSystem(caller: Caller, ...services: [string, ...string[]]): void {
  if (caller.kind !== 'system' || !services.includes(caller.service)) {
    throw new DomainError('FORBIDDEN', `Only the ${services.join(' or ')} service may do this`);
  }
}

/** Four eyes: whoever assessed, requested or recommended a thing cannot approve it. */
export function assertFourEyes(
  approverId: string,
  involved: Parameters<typeof breaksFourEyes>[1],
  what = 'this',
): void {
  if (breaksFourEyes(approverId, involved)) {
    throw new DomainError(
      'FORBIDDEN',
      `You took part in ${what}, so someone else must approve it (four eyes)`,
    );
  }
}

/** The caller of a service acting on its own behalf, e.g. a workflow's activity. */
export function systemCaller(service: string): Caller {
  return { kind: 'system', service };
}

export const ANONYMOUS: Caller = { kind: 'anonymous' };
