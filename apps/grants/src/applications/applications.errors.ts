import { GrantRefusal, type FieldIssue, type GrantApplication } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

export { roundNotFound, roundNotOpen } from '../rounds/rounds.errors';

const refused = (message: string, reason: GrantRefusal, details: Record<string, unknown> = {}) =>
  new DomainError('CONFLICT', message, { reason, ...details });

export function applicationNotFound(id: string): DomainError {
  return DomainError.notFound('Application', id);
}

export function attachmentNotFound(id: string): DomainError {
  return DomainError.notFound('Attachment', id);
}

/** The CBO fails the round's eligibility rules. */
export function notEligible(rules: string[]): DomainError {
  return refused('Your CBO may not apply to this round', GrantRefusal.enum.not_eligible, { rules });
}

/** A newer copy is on the server: nothing saved, and the server's copy for the web to show. */
export function draftNewer(current: GrantApplication): DomainError {
  return refused(
    'A newer copy of this application was saved (on another device or tab): yours was not saved',
    GrantRefusal.enum.draft_newer,
    { current, version: current.version },
  );
}

export function notEditable(stage: string): DomainError {
  return refused(
    'This application is submitted: it can no longer be changed',
    GrantRefusal.enum.not_editable,
    {
      stage,
    },
  );
}

export function attachmentsTooLarge(limit: number, used: number): DomainError {
  return refused(
    `The application's files would be larger than ${Math.floor(limit / (1024 * 1024))} MB together`,
    GrantRefusal.enum.attachments_too_large,
    { limit, used },
  );
}

/** What stops a submission, field by field. */
export function incomplete(issues: FieldIssue[]): DomainError {
  return DomainError.invalid(issues, 'The application cannot be submitted yet');
}
