import { ROLE_GROUPS, hasRole, type Caller } from '@bandanh/contracts';
import { DomainError, requireGroup, requirePerson } from '@bandanh/platform';

type Staff = Extract<Caller, { kind: 'staff' }>;
type Applicant = Extract<Caller, { kind: 'applicant' }>;

/** Whether the staff member reads every grant record: programme staff and the approval chain. */
export function isGrantReader(caller: Caller): boolean {
  return hasRole(caller, ...ROLE_GROUPS.grantReaders);
}

/** Whether the staff member holds the reviewer role. */
export function isReviewer(caller: Caller): boolean {
  return hasRole(caller, ...ROLE_GROUPS.reviewers);
}

/**
 * Who reads grant records: a CBO member (the service narrows them to their CBO's), grant
 * readers, and reviewers (narrowed to what they are assigned). Anyone else is refused.
 */
export function requireGrantsReader(caller: Caller): Staff | Applicant {
  const person = requirePerson(caller);
  if (person.kind === 'applicant') return requireGroup(person, 'grantApplicants') as Applicant;
  if (isGrantReader(person) || isReviewer(person)) return person;
  throw new DomainError(
    'FORBIDDEN',
    `This needs one of the roles: ${[...ROLE_GROUPS.grantReaders, ...ROLE_GROUPS.reviewers].join(', ')}`,
  );
}

/** A CBO member linked to a CBO (the only one whose applications they make), or refused. */
export function requireMember(caller: Caller): Applicant & { cboId: string } {
  const member = requireGroup(caller, 'grantApplicants') as Applicant;
  if (!member.cboId) {
    throw new DomainError('FORBIDDEN', 'Link your account to your CBO first', { reason: 'no_cbo' });
  }
  return member as Applicant & { cboId: string };
}
