import { DomainError } from '@bandanh/platform';

/** No workflow runs or ran for this session (or it was never scheduled). */
export function trainingSessionNotFound(sessionId: string): DomainError {
  return DomainError.notFound('Training session', sessionId);
}
