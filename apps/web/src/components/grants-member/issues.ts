// The API's field issues (`details.issues`) as the form's field errors, each on its step: the API
// names a plan field `plan.title` (or `draft.plan.title`), a budget line's part by its index in
// the budget it was sent (`budget.2.unitCost`), the budget as a whole `budget`, the amount asked
// for `requested` (or `totals.requested`, `amount`).

import {
  STEPS,
  PLAN_FIELDS,
  lineField,
  LINE_PARTS,
  type FieldErrorKey,
  type LinePart,
  type PlanField,
  type Step,
} from './draft';

export interface IssueLike {
  path: string;
  code: string;
}

/** A refused field: its name in the form, its step, and the key of what it says. */
export interface FormIssue {
  field: string;
  step: Step;
  key: FieldErrorKey;
}

const TEXTS = new Set(['title', 'objectives', 'description', 'expectedResults', 'place']);
const AMOUNT = new Set(['requested', 'amount', 'totals', 'total']);

/** What the budget as a whole is refused for, by the service's code. */
const BUDGET_KEYS: Record<string, FieldErrorKey> = {
  amount_above_ceiling: 'amountAboveCeiling',
  amount_below_minimum: 'amountBelowMinimum',
  nothing_requested: 'amountOutOfRange',
};

function planKey(field: PlanField, code: string): FieldErrorKey {
  if (TEXTS.has(field)) return code === 'too_big' ? 'tooLong' : 'required';
  if (field === 'provinceCode') return 'provinceRequired';
  if (field === 'startsOn' || field === 'endsOn') {
    if (code === 'custom' || code === 'before_start') return 'datesOrder';
    if (code === 'in_past') return 'datePast';
    return code === 'required' ? 'required' : 'dateInvalid';
  }
  return 'countInvalid';
}

function lineKey(part: LinePart, code: string): FieldErrorKey {
  switch (part) {
    case 'category':
      return 'categoryRequired';
    case 'description':
      return code === 'too_big' ? 'tooLong' : 'required';
    case 'quantity':
      return 'quantityInvalid';
    case 'contribution':
      return code === 'custom' ? 'contributionTooHigh' : 'moneyInvalid';
    case 'unitCost':
      return 'moneyInvalid';
  }
}

/**
 * The form field an issue names, if the form has it. `rows` maps a line's index in the budget
 * sent to its row in the form (blank rows are not sent, so the two may differ).
 */
export function formIssueOf(issue: IssueLike, rows: readonly number[] = []): FormIssue | undefined {
  const segments = issue.path.split('.').filter((segment) => segment !== 'draft' && segment !== 'plan');
  const [head, index, part] = segments;
  if (!head) return undefined;
  if (head in PLAN_FIELDS) {
    const field = head as PlanField;
    return { field, step: PLAN_FIELDS[field], key: planKey(field, issue.code) };
  }
  if (head === 'budget') {
    const at = Number(index);
    if (index === undefined || !Number.isInteger(at)) {
      return { field: 'budget', step: 'budget', key: BUDGET_KEYS[issue.code] ?? 'budgetRequired' };
    }
    const row = rows[at] ?? at;
    if (!(LINE_PARTS as readonly string[]).includes(part ?? '')) {
      return { field: lineField(row, 'description'), step: 'budget', key: 'invalid' };
    }
    return {
      field: lineField(row, part as LinePart),
      step: 'budget',
      key: lineKey(part as LinePart, issue.code),
    };
  }
  if (AMOUNT.has(head)) return { field: 'budget', step: 'budget', key: 'amountOutOfRange' };
  return undefined;
}

/** The issues as one error key per form field (the first issue of a field wins). */
export function fieldErrorsOf(issues: readonly IssueLike[], rows: readonly number[] = []) {
  const errors: Record<string, FieldErrorKey> = {};
  for (const issue of issues) {
    const found = formIssueOf(issue, rows);
    if (found && !errors[found.field]) errors[found.field] = found.key;
  }
  return errors;
}

/** The issues by step, in the steps' order, for the review's list of what to fix. */
/** The plan's fields in the order the steps show them. */
const FIELD_ORDER: readonly string[] = [
  'title',
  'objectives',
  'description',
  'expectedResults',
  'provinceCode',
  'place',
  'startsOn',
  'endsOn',
  'beneficiariesWomen',
  'beneficiariesMen',
];

/** Where an issue's field comes in the form: its step, then its place on the step. */
function formOrder(issue: FormIssue): [number, number, number] {
  const step = STEPS.indexOf(issue.step);
  const line = /^budget\.(\d+)\.(\w+)$/.exec(issue.field);
  if (line) return [step, Number(line[1]), LINE_PARTS.indexOf(line[2] as LinePart)];
  const field = FIELD_ORDER.indexOf(issue.field);
  return [step, field === -1 ? FIELD_ORDER.length : field, 0];
}

/** The issues in the order of the form's steps and fields, each field once. */
export function issuesByStep(issues: readonly IssueLike[]): FormIssue[] {
  const seen = new Set<string>();
  const found: FormIssue[] = [];
  for (const issue of issues) {
    const form = formIssueOf(issue) ?? {
      field: issue.path || 'form',
      step: 'review' as Step,
      key: 'invalid' as const,
    };
    if (seen.has(form.field)) continue;
    seen.add(form.field);
    found.push(form);
  }
  return found
    .map((issue) => ({ issue, order: formOrder(issue) }))
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2])
    .map(({ issue }) => issue);
}
