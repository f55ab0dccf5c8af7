import { DomainError } from '@bandanh/platform';

/** A call refers the group to a partner NGO that is not on the active list. */
export function unknownPartner(): DomainError {
  return DomainError.invalid([
    { path: 'referral.partnerId', code: 'unknown_partner', message: 'Choose a partner NGO from the list' },
  ]);
}

/** No hotline call has this id. */
export function callNotFound(id: string): DomainError {
  return DomainError.notFound('Hotline call', id);
}
