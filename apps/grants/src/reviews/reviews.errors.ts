import { DomainError } from '@bandanh/platform';

export { applicationNotFound } from '../applications/applications.errors';

/** A relationship with a CBO the network does not know. */
export function unknownCbo(id: string): DomainError {
  return DomainError.invalid([{ path: 'cboId', code: 'unknown_cbo', message: `No CBO ${id} is recorded` }]);
}
