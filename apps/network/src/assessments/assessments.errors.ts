import type { FieldIssue } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

/** An assessment's scores leave out, overshoot or invent a criterion of the rubric in force. */
export function scoresDoNotFit(issues: FieldIssue[]): DomainError {
  return DomainError.invalid(issues, 'The scores do not fit the rubric');
}
