import type { FieldIssue } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

/** An assessment's scores leave out, overshoot or invent a criterion of the rubric in force. */
export function scoresDoNotFit(issues: FieldIssue[]): DomainError {
  return DomainError.invalid(issues, 'The scores do not fit the rubric');
}

/** Women and men as assessed do not add up to the members recorded on the CBO, and nobody said which is right. */
export function membersDoNotAddUp(recorded: number, counted: number): DomainError {
  const message = `Women and men add up to ${counted}, but the CBO is recorded with ${recorded} members: correct the numbers, or confirm that the member count is now ${counted}`;
  const issue = (path: string) => ({ path, code: 'members_mismatch', message });
  return new DomainError('VALIDATION_FAILED', message, {
    issues: [issue('membersWomen'), issue('membersMen')],
    recorded,
    counted,
  });
}
