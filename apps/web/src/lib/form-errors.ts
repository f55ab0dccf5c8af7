import type { FieldIssue } from '@bandanh/contracts';

export const CBO_FIELDS = ['name', 'provinceCode', 'focusIssue', 'foundVia'] as const;
export type CboField = (typeof CBO_FIELDS)[number];

/** Keys under `form.errors` in the message catalogs. */
export type FormErrorKey =
  | 'nameRequired'
  | 'nameTooLong'
  | 'provinceRequired'
  | 'focusIssueRequired'
  | 'foundViaRequired'
  | 'invalid'
  | 'unavailable'
  | 'keyReused'
  | 'notAllowed'
  | 'unexpected';

function keyFor(field: CboField, issue: FieldIssue): FormErrorKey {
  switch (field) {
    case 'name':
      return issue.code === 'too_big' ? 'nameTooLong' : 'nameRequired';
    case 'provinceCode':
      return 'provinceRequired';
    case 'focusIssue':
      return 'focusIssueRequired';
    case 'foundVia':
      return 'foundViaRequired';
  }
}

/**
 * Turns the contract's field issues into one translated message key per form field.
 * Paths may be bare (`name`) or nested (`draft.name`); the last segment names the field.
 */
export function fieldErrorsFrom(issues: FieldIssue[]): Partial<Record<CboField, FormErrorKey>> {
  const errors: Partial<Record<CboField, FormErrorKey>> = {};
  for (const issue of issues) {
    const field = issue.path.split('.').pop() as CboField;
    if (CBO_FIELDS.includes(field) && !errors[field]) errors[field] = keyFor(field, issue);
  }
  return errors;
}
