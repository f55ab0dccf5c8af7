// What the application form shows and keeps, with no schema: the form (a client component)
// imports this, so the contracts' zod stays on the server, where the action checks the form.

/** Contact rows the form offers: enough for a group's leaders, with no script to add more. */
export const CONTACT_ROWS = 3;

export interface ContactValues {
  name: string;
  phone: string;
  role: string;
}

/** What was typed, kept as typed, so a refused form comes back filled in. */
export interface ApplyValues {
  name: string;
  nameKm: string;
  provinceCode: string;
  district: string;
  commune: string;
  village: string;
  focusIssues: string[];
  purpose: string;
  membersCount: string;
  contacts: ContactValues[];
  publishContacts: boolean;
  about: string;
  /** Where the decision is mailed (optional). */
  email: string;
}

/** Keys under `apply.errors` in the message catalogs. */
export type ApplyErrorKey =
  | 'summary'
  | 'invalid'
  | 'unavailable'
  | 'keyReused'
  | 'unexpected'
  | 'nameRequired'
  | 'nameTooLong'
  | 'nameKmScript'
  | 'nameKmTooLong'
  | 'provinceRequired'
  | 'provinceNotOpen'
  | 'placeTooLong'
  | 'focusIssuesRequired'
  | 'purposeRequired'
  | 'membersInvalid'
  | 'contactsRequired'
  | 'contactNameRequired'
  | 'contactNameTooLong'
  | 'contactPhoneInvalid'
  | 'contactRoleTooLong'
  | 'aboutTooLong'
  | 'emailInvalid'
  /** Worded by the action with the minutes to wait (`apply.errors.rateLimited`). */
  | 'rateLimited';

/**
 * One error per field, keyed by the field's name in the form: `name`, `focusIssues`,
 * `contacts` (the group of rows), `contacts.1.phone` (a field of the second row)...
 */
export type ApplyFieldErrors = Partial<Record<string, ApplyErrorKey>>;

export const EMPTY_VALUES: ApplyValues = {
  name: '',
  nameKm: '',
  provinceCode: '',
  district: '',
  commune: '',
  village: '',
  focusIssues: [],
  purpose: '',
  membersCount: '',
  contacts: Array.from({ length: CONTACT_ROWS }, () => ({ name: '', phone: '', role: '' })),
  publishContacts: false,
  about: '',
  email: '',
};
