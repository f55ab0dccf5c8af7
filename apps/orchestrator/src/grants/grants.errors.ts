import { DomainError } from '@bandanh/platform';

/** No workflow runs or ran for this application (it was never submitted). */
export function grantApplicationNotFound(applicationId: string): DomainError {
  return DomainError.notFound('Grant application', applicationId);
}
