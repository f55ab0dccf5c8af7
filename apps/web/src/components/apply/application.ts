import { CBO_PURPOSES, CboApplication, toFieldIssues, type FieldIssue } from '@bandanh/contracts';
import { CONTACT_ROWS, type ApplyErrorKey, type ApplyFieldErrors, type ApplyValues } from './values';

export type { ApplyErrorKey, ApplyFieldErrors, ApplyValues } from './values';

/** The form's values, each cut to a length no field accepts, so nothing huge is echoed back. */
export function valuesFrom(form: FormData): ApplyValues {
  const text = (name: string, max = 300) => String(form.get(name) ?? '').slice(0, max);
  return {
    name: text('name'),
    nameKm: text('nameKm'),
    provinceCode: text('provinceCode', 10),
    district: text('district'),
    commune: text('commune'),
    village: text('village'),
    focusIssues: form.getAll('focusIssues').map(String).slice(0, 10),
    purpose: text('purpose', 20),
    membersCount: text('membersCount', 20),
    contacts: Array.from({ length: CONTACT_ROWS }, (_, row) => ({
      name: text(`contacts.${row}.name`),
      phone: text(`contacts.${row}.phone`, 40),
      role: text(`contacts.${row}.role`),
    })),
    publishContacts: form.get('publishContacts') === 'yes',
    about: text('about', 2500),
    email: text('email', 300),
  };
}

/** The rows someone wrote in: a row left blank is not a contact. */
function filledRows(values: ApplyValues): number[] {
  return values.contacts.flatMap((contact, row) =>
    contact.name.trim() || contact.phone.trim() || contact.role.trim() ? [row] : [],
  );
}

function keyFor(field: string, rest: string[], code: string): ApplyErrorKey | undefined {
  const tooBig = code === 'too_big';
  switch (field) {
    case 'name':
      return tooBig ? 'nameTooLong' : 'nameRequired';
    case 'nameKm':
      return tooBig ? 'nameKmTooLong' : 'nameKmScript';
    case 'provinceCode':
      return code === 'province_not_open' ? 'provinceNotOpen' : 'provinceRequired';
    case 'district':
    case 'commune':
    case 'village':
      return 'placeTooLong';
    case 'focusIssues':
      return 'focusIssuesRequired';
    case 'purpose':
      return 'purposeRequired';
    case 'membersCount':
      return 'membersInvalid';
    case 'about':
      return 'aboutTooLong';
    case 'email':
      return 'emailInvalid';
    case 'contacts':
      if (rest.length < 2) return 'contactsRequired';
      if (rest[1] === 'name') return tooBig ? 'contactNameTooLong' : 'contactNameRequired';
      if (rest[1] === 'phone') return 'contactPhoneInvalid';
      if (rest[1] === 'role') return 'contactRoleTooLong';
      return undefined;
  }
  return undefined;
}

const FIELDS = [
  'name',
  'nameKm',
  'provinceCode',
  'district',
  'commune',
  'village',
  'focusIssues',
  'purpose',
  'membersCount',
  'contacts',
  'about',
  'email',
];

/**
 * Field errors from the contract's (or the API's) issues. A path may carry a prefix
 * (`application.provinceCode`); a contact's index counts only the rows sent, so it is turned
 * back into the row of the form with `rows`.
 */
export function fieldErrorsFrom(
  issues: ReadonlyArray<Pick<FieldIssue, 'path' | 'code'>>,
  rows: readonly number[],
): ApplyFieldErrors {
  const errors: ApplyFieldErrors = {};
  for (const issue of issues) {
    const parts = issue.path.split('.');
    const at = parts.findIndex((part) => FIELDS.includes(part));
    if (at < 0) continue;
    const [field, ...rest] = parts.slice(at);
    const key = keyFor(field, rest, issue.code);
    if (!key) continue;
    let name = field;
    if (field === 'contacts' && rest.length >= 2) {
      const row = rows[Number(rest[0])];
      if (row === undefined) continue;
      name = `contacts.${row}.${rest[1]}`;
    }
    if (!errors[name]) errors[name] = key;
  }
  return errors;
}

export type Checked =
  { ok: true; application: CboApplication; rows: number[] } | { ok: false; fieldErrors: ApplyFieldErrors };

/**
 * Checks the form against the contract before anything is sent. Blank rows and a blank number
 * are left out rather than refused, and the purpose must be chosen: the contract would
 * otherwise take human rights for granted, which decides whether the group can be admitted.
 */
export function checkApplication(values: ApplyValues): Checked {
  const rows = filledRows(values);
  const purposeChosen = (CBO_PURPOSES as readonly string[]).includes(values.purpose);
  const parsed = CboApplication.safeParse({
    name: values.name,
    nameKm: values.nameKm,
    provinceCode: values.provinceCode,
    district: values.district,
    commune: values.commune,
    village: values.village,
    focusIssues: values.focusIssues,
    purpose: purposeChosen ? values.purpose : undefined,
    membersCount: values.membersCount.trim() || undefined,
    contacts: rows.map((row) => values.contacts[row]),
    publishContacts: values.publishContacts,
    about: values.about,
    email: values.email.trim(),
  });
  const fieldErrors = parsed.success ? {} : fieldErrorsFrom(toFieldIssues(parsed.error), rows);
  if (!purposeChosen) fieldErrors.purpose = 'purposeRequired';
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, application: parsed.data, rows };
}
