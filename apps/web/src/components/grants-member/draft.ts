// The application form's model, shared by the server actions and the browser: the draft as
// plain data (no zod, so a client component can import it), the form's field names step by
// step, and what the fields the member sent change in a draft. Money and counts are read from
// the typed strings (`money.ts`); what no single field can say is the contract's, on the server.

import { moneyInput, parseCount, parseMoney } from './money';

/** An application's draft as the form model has it (the API's application has more). */
export const draftOf = (application: { plan: PlanDraft; budget: LineDraft[] }): Draft => ({
  plan: application.plan,
  budget: application.budget,
});

/** The form's steps, in order: one page each. */
export const STEPS = ['plan', 'place', 'people', 'budget', 'files', 'review'] as const;
export type Step = (typeof STEPS)[number];

export const isStep = (value: unknown): value is Step =>
  typeof value === 'string' && (STEPS as readonly string[]).includes(value);

/** The step after `step` (the review is the last). */
export const nextStep = (step: Step): Step => STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)];
export const previousStep = (step: Step): Step => STEPS[Math.max(STEPS.indexOf(step) - 1, 0)];

export interface PlanDraft {
  title: string;
  objectives: string;
  description: string;
  provinceCode: string | null;
  place: string;
  startsOn: string | null;
  endsOn: string | null;
  beneficiariesWomen: number | null;
  beneficiariesMen: number | null;
  expectedResults: string;
}

export interface LineDraft {
  id: string;
  category: string;
  description: string;
  unitCost: number;
  quantity: number;
  contribution: number;
}

/** What the member edits, as the API's ApplicationDraft. */
export interface Draft {
  plan: PlanDraft;
  budget: LineDraft[];
}

/** The plan's text fields and the step each is on. */
export const TEXT_FIELDS = {
  title: 'plan',
  objectives: 'plan',
  description: 'plan',
  expectedResults: 'plan',
  place: 'place',
} as const satisfies Record<string, Step>;

/** The plan's other fields and their steps. */
export const PLAN_FIELDS = {
  ...TEXT_FIELDS,
  provinceCode: 'place',
  startsOn: 'place',
  endsOn: 'place',
  beneficiariesWomen: 'people',
  beneficiariesMen: 'people',
} as const satisfies Record<keyof PlanDraft, Step>;
export type PlanField = keyof typeof PLAN_FIELDS;

export const LINE_PARTS = ['category', 'description', 'unitCost', 'quantity', 'contribution'] as const;
export type LinePart = (typeof LINE_PARTS)[number];

/** The field name of one part of a budget row of the form: `budget.2.unitCost`. */
export const lineField = (row: number, part: LinePart | 'id') => `budget.${row}.${part}`;

/** Keys under `grantsMember.errors` for what a field says is wrong. */
export type FieldErrorKey =
  | 'required'
  | 'tooLong'
  | 'countInvalid'
  | 'moneyInvalid'
  | 'moneyTooLarge'
  | 'quantityInvalid'
  | 'contributionTooHigh'
  | 'categoryRequired'
  | 'provinceRequired'
  | 'dateInvalid'
  | 'datesOrder'
  | 'datePast'
  | 'amountAboveCeiling'
  | 'amountBelowMinimum'
  | 'budgetRequired'
  | 'amountOutOfRange'
  | 'invalid';

/** Today's date in Cambodia (UTC+7 all year), YYYY-MM-DD: an activity cannot start before it. */
export function cambodiaToday(now = Date.now()): string {
  return new Date(now + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The form's fields as sent: names to typed strings. */
export type Entries = Record<string, string>;

/** A form's fields as entries (files and repeated names aside: the last value wins). */
export function entriesOf(data: Iterable<[string, FormDataEntryValue]>): Entries {
  const entries: Entries = {};
  for (const [name, value] of data) if (typeof value === 'string') entries[name] = value;
  return entries;
}

/** A draft's fields as the form shows them (money as `12.50`), for a step's default values. */
export function entriesFrom(draft: Draft): Entries {
  const { plan } = draft;
  const entries: Entries = {};
  for (const field of Object.keys(PLAN_FIELDS) as PlanField[]) {
    const value = plan[field];
    entries[field] = value === null || value === undefined ? '' : String(value);
  }
  draft.budget.forEach((line, row) => {
    entries[lineField(row, 'id')] = line.id;
    entries[lineField(row, 'category')] = line.category;
    entries[lineField(row, 'description')] = line.description;
    entries[lineField(row, 'unitCost')] = moneyInput(line.unitCost);
    entries[lineField(row, 'quantity')] = String(line.quantity);
    entries[lineField(row, 'contribution')] = moneyInput(line.contribution);
  });
  entries.rows = String(draft.budget.length);
  return entries;
}

export interface Applied {
  draft: Draft;
  /** What is wrong with a field as typed (money with three decimals…), by field name. */
  errors: Record<string, FieldErrorKey>;
  /** The form row of each budget line sent, by its index in `draft.budget`. */
  rows: number[];
}

const isBlank = (entries: Entries, row: number) =>
  LINE_PARTS.every((part) => !(entries[lineField(row, part)] ?? '').trim());

/**
 * The draft with the fields the member sent laid over `current`: a field not sent stays as it
 * was; the budget is the form's rows when it sent them (`rows`), blank rows left out, a row
 * named in `remove` taken out.
 */
export function applyEntries(
  current: Draft,
  entries: Entries,
  remove?: string,
  today: string = cambodiaToday(),
): Applied {
  const errors: Record<string, FieldErrorKey> = {};
  const plan: PlanDraft = { ...current.plan };
  for (const field of Object.keys(TEXT_FIELDS) as Array<keyof typeof TEXT_FIELDS>) {
    if (field in entries) plan[field] = entries[field].trim();
  }
  if ('provinceCode' in entries) plan.provinceCode = entries.provinceCode || null;
  for (const field of ['startsOn', 'endsOn'] as const) {
    if (field in entries) plan[field] = entries[field].trim() || null;
  }
  if ('startsOn' in entries || 'endsOn' in entries) {
    if (plan.startsOn && plan.startsOn < today) errors.startsOn = 'datePast';
    if (plan.startsOn && plan.endsOn && plan.endsOn < plan.startsOn) errors.endsOn = 'datesOrder';
  }
  for (const field of ['beneficiariesWomen', 'beneficiariesMen'] as const) {
    if (!(field in entries)) continue;
    const count = parseCount(entries[field]);
    if (count === 'invalid') errors[field] = 'countInvalid';
    else plan[field] = count;
  }

  let budget = current.budget;
  const rows: number[] = [];
  const rowCount = Number(entries.rows);
  if ('rows' in entries && Number.isInteger(rowCount) && rowCount >= 0 && rowCount <= 100) {
    budget = [];
    for (let row = 0; row < rowCount; row += 1) {
      const id = entries[lineField(row, 'id')] ?? '';
      if (!id || id === remove || isBlank(entries, row)) continue;
      const unitCost = parseMoney(entries[lineField(row, 'unitCost')] ?? '');
      const contribution = parseMoney(entries[lineField(row, 'contribution')] ?? '');
      const quantity = parseCount(entries[lineField(row, 'quantity')] ?? '');
      if (unitCost === 'invalid') errors[lineField(row, 'unitCost')] = 'moneyInvalid';
      if (unitCost === 'tooLarge') errors[lineField(row, 'unitCost')] = 'moneyTooLarge';
      if (unitCost === null) errors[lineField(row, 'unitCost')] = 'required';
      if (contribution === 'invalid') errors[lineField(row, 'contribution')] = 'moneyInvalid';
      if (contribution === 'tooLarge') errors[lineField(row, 'contribution')] = 'moneyTooLarge';
      if (quantity === 'invalid' || quantity === 0) errors[lineField(row, 'quantity')] = 'quantityInvalid';
      if (quantity === null) errors[lineField(row, 'quantity')] = 'required';
      rows.push(row);
      budget.push({
        id,
        category: entries[lineField(row, 'category')] ?? '',
        description: (entries[lineField(row, 'description')] ?? '').trim(),
        unitCost: typeof unitCost === 'number' ? unitCost : 0,
        quantity: typeof quantity === 'number' ? quantity : 0,
        contribution: typeof contribution === 'number' ? contribution : 0,
      });
    }
  } else {
    budget.forEach((_, index) => rows.push(index));
  }
  return { draft: { plan, budget }, errors, rows };
}

/** The budget's sums in minor units, as the service computes them (contracts' budgetTotals). */
export function totalsOf(lines: ReadonlyArray<Pick<LineDraft, 'unitCost' | 'quantity' | 'contribution'>>) {
  let total = 0;
  let contribution = 0;
  for (const line of lines) {
    total += line.unitCost * line.quantity;
    contribution += line.contribution;
  }
  return { total, contribution, requested: total - contribution };
}

/** Whether two drafts say the same (the order of the budget lines counts). */
export function sameDraft(a: Draft, b: Draft): boolean {
  const plain = (draft: Draft) =>
    JSON.stringify({
      plan: Object.fromEntries(
        Object.keys(PLAN_FIELDS).map((key) => [key, draft.plan[key as PlanField] ?? null]),
      ),
      budget: draft.budget.map((line) => LINE_PARTS.map((part) => line[part]).concat(line.id)),
    });
  return plain(a) === plain(b);
}
