import type { FieldIssue } from '@bandanh/contracts';

export const CBO_FIELDS = [
  'name',
  'nameKm',
  'provinceCode',
  'district',
  'commune',
  'village',
  'focusIssues',
  'purpose',
  'membersCount',
  'about',
  'foundVia',
  'foundOn',
  'fieldVisitId',
] as const;

/** The contact rows the form offers; blank rows are not sent. */
export const CONTACT_ROWS = 3;
export const CONTACT_PARTS = ['name', 'phone', 'role'] as const;
type ContactPart = (typeof CONTACT_PARTS)[number];

/** A field of the CBO form: a plain field, or one part of one contact row (`contacts.0.phone`). */
export type CboField = (typeof CBO_FIELDS)[number] | `contacts.${number}.${ContactPart}`;

/** Keys under `form.errors` in the message catalogs. */
export type FormErrorKey =
  | 'summary'
  | 'nameRequired'
  | 'nameTooLong'
  | 'nameKmScript'
  | 'nameKmTooLong'
  | 'provinceRequired'
  | 'placeTooLong'
  | 'focusIssueRequired'
  | 'purposeRequired'
  | 'membersInvalid'
  | 'contactNameRequired'
  | 'contactPhoneInvalid'
  | 'contactTooLong'
  | 'aboutTooLong'
  | 'foundViaRequired'
  | 'foundOnInvalid'
  | 'foundOnFuture'
  | 'fieldVisitInvalid'
  | 'invalid'
  | 'unavailable'
  | 'keyReused'
  | 'notAllowed'
  | 'visitGone'
  | 'unexpected';

function keyFor(field: CboField, issue: FieldIssue): FormErrorKey {
  const tooLong = issue.code === 'too_big';
  switch (field) {
    case 'name':
      return tooLong ? 'nameTooLong' : 'nameRequired';
    case 'nameKm':
      return tooLong ? 'nameKmTooLong' : 'nameKmScript';
    case 'provinceCode':
      return 'provinceRequired';
    case 'district':
    case 'commune':
    case 'village':
      return 'placeTooLong';
    case 'focusIssues':
      return 'focusIssueRequired';
    case 'purpose':
      return 'purposeRequired';
    case 'membersCount':
      return 'membersInvalid';
    case 'about':
      return 'aboutTooLong';
    case 'foundVia':
      return 'foundViaRequired';
    case 'foundOn':
      // A date after today (in Cambodia) is refused by the contract's own rule.
      return issue.code === 'custom' ? 'foundOnFuture' : 'foundOnInvalid';
    case 'fieldVisitId':
      return 'fieldVisitInvalid';
  }
  if (field.endsWith('.phone')) return 'contactPhoneInvalid';
  if (field.endsWith('.role') || tooLong) return 'contactTooLong';
  return 'contactNameRequired';
}

/** The form field an issue's path names, if any: the API may nest it (`draft.name`, `contacts.0.phone`). */
function cboFieldOf(path: string): CboField | undefined {
  const segments = path.split('.');
  const at = segments.findIndex(
    (segment) => segment === 'contacts' || (CBO_FIELDS as readonly string[]).includes(segment),
  );
  if (at < 0) return undefined;
  if (segments[at] !== 'contacts') return segments[at] as CboField;
  const [row, part] = segments.slice(at + 1);
  const index = Number(row);
  if (!Number.isInteger(index) || index < 0 || index >= CONTACT_ROWS) return undefined;
  return (CONTACT_PARTS as readonly string[]).includes(part)
    ? `contacts.${index}.${part as ContactPart}`
    : undefined;
}

/** Turns the contract's field issues into one translated message key per form field. */
export function fieldErrorsFrom(issues: FieldIssue[]): Partial<Record<CboField, FormErrorKey>> {
  const errors: Partial<Record<CboField, FormErrorKey>> = {};
  for (const issue of issues) {
    const field = cboFieldOf(issue.path);
    if (field && !errors[field]) errors[field] = keyFor(field, issue);
  }
  return errors;
}

export const ASSESSMENT_COUNTS = ['membersWomen', 'membersMen', 'meetingsHeld'] as const;
export const ASSESSMENT_TEXTS = [
  'ongoingActivities',
  'plannedActivities',
  'ambitions',
  'leadership',
  'risks',
] as const;

/** A field of the needs-assessment form; a score is `score.<criterion key>`. */
export type AssessmentField =
  (typeof ASSESSMENT_COUNTS)[number] | (typeof ASSESSMENT_TEXTS)[number] | 'registration' | `score.${string}`;

/** Keys under `pipeline.errors` in the message catalogs, for the pipeline's forms. */
export type StepErrorKey =
  | 'summary'
  | 'countInvalid'
  | 'membersMismatch'
  | 'textRequired'
  | 'textTooLong'
  | 'registrationRequired'
  | 'scoreRequired'
  | 'reasonRequired'
  | 'reasonTooLong'
  | 'outcomeRequired'
  | 'wrongStage'
  | 'tooEarly'
  | 'fourEyes'
  | 'notFlagged'
  | 'duplicateDecided'
  | 'busy'
  | 'notFound'
  | 'notAllowed'
  | 'unavailable'
  | 'unexpected';

/**
 * The needs-assessment form's errors: the assessor's own fields, and each rubric score by its
 * key (`scores.reach` from the API is the form's `score.reach`).
 */
export function assessmentErrorsFrom(issues: FieldIssue[]): Partial<Record<AssessmentField, StepErrorKey>> {
  const errors: Partial<Record<AssessmentField, StepErrorKey>> = {};
  for (const issue of issues) {
    const segments = issue.path.split('.');
    const at = segments.findIndex(
      (segment) =>
        segment === 'scores' ||
        segment === 'registration' ||
        (ASSESSMENT_COUNTS as readonly string[]).includes(segment) ||
        (ASSESSMENT_TEXTS as readonly string[]).includes(segment),
    );
    if (at < 0) continue;
    const segment = segments[at];
    let field: AssessmentField;
    let key: StepErrorKey;
    if (segment === 'scores') {
      if (!segments[at + 1]) continue;
      field = `score.${segments[at + 1]}`;
      key = 'scoreRequired';
    } else if ((ASSESSMENT_TEXTS as readonly string[]).includes(segment)) {
      field = segment as AssessmentField;
      key = issue.code === 'too_big' ? 'textTooLong' : 'textRequired';
    } else if (segment === 'registration') {
      field = 'registration';
      key = 'registrationRequired';
    } else {
      field = segment as AssessmentField;
      // Women and men that do not add up to the members recorded on the CBO.
      key = issue.code === 'members_mismatch' ? 'membersMismatch' : 'countInvalid';
    }
    if (!errors[field]) errors[field] = key;
  }
  return errors;
}

/** The error of a reason given for a step (a decision, a withdrawal). */
export function reasonErrorFrom(issues: FieldIssue[]): StepErrorKey | undefined {
  const issue = issues.find((i) => i.path.split('.').includes('reason'));
  if (!issue) return undefined;
  return issue.code === 'too_big' ? 'reasonTooLong' : 'reasonRequired';
}
