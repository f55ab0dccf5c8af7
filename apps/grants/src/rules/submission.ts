import { budgetTotals, type ActivityPlan, type BudgetLine, type FieldIssue } from '@bandanh/contracts';
import type { RoundRules } from './rounds';

const required = (path: string, message: string): FieldIssue => ({ path, code: 'required', message });

/** The plan's fields a submission needs, each with what the member is told beside it. */
const PLAN_FIELDS: ReadonlyArray<[keyof ActivityPlan, string]> = [
  ['title', 'Give the activity a title'],
  ['objectives', 'Write the objectives'],
  ['description', 'Describe the activity'],
  ['provinceCode', 'Choose the province where it takes place'],
  ['place', 'Say where it takes place'],
  ['startsOn', 'Give the day it starts'],
  ['endsOn', 'Give the day it ends'],
  ['beneficiariesWomen', 'Give the number of women who benefit'],
  ['beneficiariesMen', 'Give the number of men who benefit'],
  ['expectedResults', 'Write the expected results'],
];

/** Today's date in Cambodia (UTC+7 all year), as YYYY-MM-DD. */
export function phnomPenhToday(now = Date.now()): string {
  return new Date(now + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

const formatted = (amount: number, currency: string) =>
  currency === 'KHR'
    ? `${amount.toLocaleString('en-US')} riel`
    : `$${(amount / 100).toLocaleString('en-US')}`;

/**
 * What stops a draft from being submitted, field by field (`plan.title`, `budget`…): every plan
 * field given, the activity starting today or later (`today`, in Cambodia) and ending on or after
 * it starts, at least one budget line, the amount asked within the round's minimum and ceiling.
 * Empty when it may be submitted.
 */
export function submissionIssues(
  draft: { plan: ActivityPlan; budget: readonly BudgetLine[] },
  round: Pick<RoundRules, 'minAmount' | 'maxAmount'> & { currency: string },
  today: string = phnomPenhToday(),
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [field, message] of PLAN_FIELDS) {
    const value = draft.plan[field];
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
      issues.push(required(`plan.${field}`, message));
    }
  }
  const { startsOn, endsOn } = draft.plan;
  if (startsOn && startsOn < today) {
    issues.push({
      path: 'plan.startsOn',
      code: 'in_past',
      message: 'The activity cannot start before today',
    });
  }
  if (startsOn && endsOn && endsOn < startsOn) {
    issues.push({
      path: 'plan.endsOn',
      code: 'before_start',
      message: 'The activity must end on or after the day it starts',
    });
  }
  if (draft.budget.length === 0) {
    issues.push(required('budget', 'Add at least one budget line'));
    return issues;
  }
  const { requested } = budgetTotals(draft.budget);
  if (requested < round.minAmount) {
    issues.push({
      path: 'budget',
      code: 'amount_below_minimum',
      message: `The amount asked is below the round's minimum of ${formatted(round.minAmount, round.currency)}`,
    });
  } else if (requested > round.maxAmount) {
    issues.push({
      path: 'budget',
      code: 'amount_above_ceiling',
      message: `The amount asked is above the round's ceiling of ${formatted(round.maxAmount, round.currency)}`,
    });
  } else if (requested <= 0) {
    issues.push({
      path: 'budget',
      code: 'nothing_requested',
      message: 'The budget asks for nothing from the round',
    });
  }
  return issues;
}
