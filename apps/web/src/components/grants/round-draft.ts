import type { FieldIssue } from '@bandanh/contracts';
import { errorsFrom, text } from '@/components/programme-settings/form-state';
import { instantOf, isLocalDate, isLocalTime, localDateOf, localTimeOf } from '@/components/training/time';
import { fromMinor, latinDigits, toMinor } from './money';

/**
 * The round form between the page and its action: what the admin typed, kept as text to show it
 * again, and the draft the API takes (amounts in minor units, dates as instants with Phnom
 * Penh's offset). Rows of the rubric and the chain carry a `uid` so React keeps each row's
 * inputs with it when one above is removed.
 */

export interface CriterionValues {
  uid: string;
  key: string;
  labelKm: string;
  labelEn: string;
  weight: string;
  maxScore: string;
}

export interface StepValues {
  uid: string;
  role: string;
  aboveAmount: string;
}

export interface RoundValues {
  nameKm: string;
  nameEn: string;
  currency: string;
  budget: string;
  minAmount: string;
  maxAmount: string;
  opensDate: string;
  opensTime: string;
  closesDate: string;
  closesTime: string;
  provinceCodes: string[];
  focusIssues: string[];
  reviewersPerApplication: string;
  blindReview: boolean;
  rubric: CriterionValues[];
  approvalChain: StepValues[];
}

/** The most rows the form keeps (the contract's own limits). */
export const MAX_CRITERIA = 12;
export const MAX_STEPS = 6;

let counter = 0;
/** A row id, unique within the page. */
export const rowUid = () => `r${Date.now().toString(36)}${(counter++).toString(36)}`;

export const blankCriterion = (values: Partial<CriterionValues> = {}): CriterionValues => ({
  uid: rowUid(),
  key: '',
  labelKm: '',
  labelEn: '',
  weight: '1',
  maxScore: '5',
  ...values,
});

export const blankStep = (values: Partial<StepValues> = {}): StepValues => ({
  uid: rowUid(),
  role: '',
  aboveAmount: '',
  ...values,
});

/**
 * A new round's form: USD, two reviewers, open review, a three-criterion rubric and the chain
 * the programme usually has (the programme manager decides every grant, the grant committee
 * those above $1,000, the director those above $5,000).
 */
export function blankRound(): RoundValues {
  return {
    nameKm: '',
    nameEn: '',
    currency: 'USD',
    budget: '',
    minAmount: '',
    maxAmount: '',
    opensDate: '',
    opensTime: '08:00',
    closesDate: '',
    closesTime: '17:00',
    provinceCodes: [],
    focusIssues: [],
    reviewersPerApplication: '2',
    blindReview: false,
    rubric: [
      blankCriterion({ key: 'relevance', labelKm: 'ភាពពាក់ព័ន្ធ', labelEn: 'Relevance', weight: '40' }),
      blankCriterion({ key: 'feasibility', labelKm: 'លទ្ធភាពអនុវត្ត', labelEn: 'Feasibility', weight: '35' }),
      blankCriterion({ key: 'value', labelKm: 'តម្លៃសមនឹងថវិកា', labelEn: 'Value for money', weight: '25' }),
    ],
    approvalChain: [
      blankStep({ role: 'programme_manager', aboveAmount: '0.00' }),
      blankStep({ role: 'grant_committee', aboveAmount: '1000.00' }),
      blankStep({ role: 'director', aboveAmount: '5000.00' }),
    ],
  };
}

/** The form's values of a round as the API has it. */
export function roundValues(round: {
  nameKm: string;
  nameEn: string;
  currency: string;
  budget: number;
  minAmount: number;
  maxAmount: number;
  opensAt: string;
  closesAt: string;
  eligibility: { provinceCodes: string[]; focusIssues: string[] };
  reviewersPerApplication: number;
  blindReview: boolean;
  rubric: Array<{ key: string; labelKm: string; labelEn: string; weight: number; maxScore: number }>;
  approvalChain: Array<{ role: string; aboveAmount: number }>;
}): RoundValues {
  return {
    nameKm: round.nameKm,
    nameEn: round.nameEn,
    currency: round.currency,
    budget: fromMinor(round.budget),
    minAmount: fromMinor(round.minAmount),
    maxAmount: fromMinor(round.maxAmount),
    opensDate: localDateOf(round.opensAt),
    opensTime: localTimeOf(round.opensAt),
    closesDate: localDateOf(round.closesAt),
    closesTime: localTimeOf(round.closesAt),
    provinceCodes: [...round.eligibility.provinceCodes],
    focusIssues: [...round.eligibility.focusIssues],
    reviewersPerApplication: String(round.reviewersPerApplication),
    blindReview: round.blindReview,
    rubric: round.rubric.map((criterion) =>
      blankCriterion({
        key: criterion.key,
        labelKm: criterion.labelKm,
        labelEn: criterion.labelEn,
        weight: String(criterion.weight),
        maxScore: String(criterion.maxScore),
      }),
    ),
    approvalChain: round.approvalChain.map((step) =>
      blankStep({ role: step.role, aboveAmount: fromMinor(step.aboveAmount) }),
    ),
  };
}

const field = (formData: FormData, name: string, max = 300) => text(formData, name).trim().slice(0, max);

/** How many rows of a kind the form sent (its hidden count), within the contract's limit. */
function rowCount(formData: FormData, name: string, max: number): number {
  const count = Number(text(formData, name));
  return Number.isInteger(count) && count >= 0 ? Math.min(count, max) : 0;
}

/** What the admin typed, read from the posted form. */
export function roundFromForm(formData: FormData): RoundValues {
  const rubric = Array.from({ length: rowCount(formData, 'rubricRows', MAX_CRITERIA) }, (_, i) => ({
    uid: field(formData, `rubric.${i}.uid`, 40) || rowUid(),
    key: field(formData, `rubric.${i}.key`, 60),
    labelKm: field(formData, `rubric.${i}.labelKm`),
    labelEn: field(formData, `rubric.${i}.labelEn`),
    weight: field(formData, `rubric.${i}.weight`, 20),
    maxScore: field(formData, `rubric.${i}.maxScore`, 20),
  }));
  const approvalChain = Array.from({ length: rowCount(formData, 'chainRows', MAX_STEPS) }, (_, i) => ({
    uid: field(formData, `approvalChain.${i}.uid`, 40) || rowUid(),
    role: field(formData, `approvalChain.${i}.role`, 40),
    aboveAmount: field(formData, `approvalChain.${i}.aboveAmount`, 30),
  }));
  const list = (name: string) =>
    formData
      .getAll(name)
      .filter((value): value is string => typeof value === 'string')
      .slice(0, 30);
  return {
    nameKm: field(formData, 'nameKm'),
    nameEn: field(formData, 'nameEn'),
    currency: field(formData, 'currency', 10),
    budget: field(formData, 'budget', 30),
    minAmount: field(formData, 'minAmount', 30),
    maxAmount: field(formData, 'maxAmount', 30),
    opensDate: field(formData, 'opensDate', 20),
    opensTime: field(formData, 'opensTime', 20),
    closesDate: field(formData, 'closesDate', 20),
    closesTime: field(formData, 'closesTime', 20),
    provinceCodes: list('provinceCodes'),
    focusIssues: list('focusIssues'),
    reviewersPerApplication: field(formData, 'reviewersPerApplication', 10),
    blindReview: text(formData, 'blindReview') === 'on',
    rubric,
    approvalChain,
  };
}

/** The instant of a Phnom Penh date and time typed in the form, or '' when either is unreadable. */
export function phnomPenhInstant(date: string, time: string): string {
  return isLocalDate(date) && isLocalTime(time) ? instantOf(date, time) : '';
}

/** A whole number typed in the form (Khmer digits too), or undefined: the contract says what is wrong. */
const whole = (value: string) => {
  const digits = latinDigits(value.trim());
  return /^\d{1,9}$/.test(digits) ? Number(digits) : undefined;
};

/** The draft for the API; what cannot be read is left for the contract to name. */
export function roundDraftOf(values: RoundValues) {
  return {
    nameKm: values.nameKm,
    nameEn: values.nameEn,
    currency: values.currency || undefined,
    budget: toMinor(values.budget),
    minAmount: toMinor(values.minAmount),
    maxAmount: toMinor(values.maxAmount),
    opensAt: phnomPenhInstant(values.opensDate, values.opensTime),
    closesAt: phnomPenhInstant(values.closesDate, values.closesTime),
    eligibility: { provinceCodes: values.provinceCodes, focusIssues: values.focusIssues },
    rubric: values.rubric.map((row) => ({
      key: row.key,
      labelKm: row.labelKm,
      labelEn: row.labelEn,
      weight: whole(row.weight),
      maxScore: whole(row.maxScore),
    })),
    reviewersPerApplication: whole(values.reviewersPerApplication),
    blindReview: values.blindReview,
    approvalChain: values.approvalChain.map((row) => ({
      role: row.role,
      aboveAmount: toMinor(row.aboveAmount),
    })),
  };
}

/**
 * A press of one of the form's row buttons (without JavaScript too): add a criterion or a
 * step, or remove row N. Anything else is "save".
 */
export type RowIntent =
  | { kind: 'save' }
  | { kind: 'addCriterion' }
  | { kind: 'addStep' }
  | { kind: 'removeCriterion'; index: number }
  | { kind: 'removeStep'; index: number };

export function intentOf(value: string): RowIntent {
  if (value === 'addCriterion' || value === 'addStep') return { kind: value };
  const match = /^(removeCriterion|removeStep)\.(\d{1,2})$/.exec(value);
  if (match) return { kind: match[1] as 'removeCriterion' | 'removeStep', index: Number(match[2]) };
  return { kind: 'save' };
}

/** The values with a row added or removed (never past the limits, never the last row). */
export function applyIntent(values: RoundValues, intent: RowIntent): RoundValues {
  switch (intent.kind) {
    case 'addCriterion':
      return values.rubric.length >= MAX_CRITERIA
        ? values
        : { ...values, rubric: [...values.rubric, blankCriterion()] };
    case 'addStep':
      return values.approvalChain.length >= MAX_STEPS
        ? values
        : { ...values, approvalChain: [...values.approvalChain, blankStep()] };
    case 'removeCriterion':
      return values.rubric.length <= 1
        ? values
        : { ...values, rubric: values.rubric.filter((_, i) => i !== intent.index) };
    case 'removeStep':
      return values.approvalChain.length <= 1
        ? values
        : { ...values, approvalChain: values.approvalChain.filter((_, i) => i !== intent.index) };
    case 'save':
      return values;
  }
}

const MONEY_FIELDS = ['budget', 'minAmount', 'maxAmount'] as const;

/**
 * The form's field and message key (`grants.round.fieldErrors`) of each of the contract's
 * issues: the opening and closing show on their date, money fields say how to write an amount,
 * and the rules across fields (limits out of order, closing before opening) say which.
 */
export function roundErrors(
  issues: ReadonlyArray<Pick<FieldIssue, 'path' | 'code'>>,
  values: RoundValues,
): Record<string, string> {
  return errorsFrom(issues, ([name, index, part], code) => {
    const tooLong = code === 'too_big';
    switch (name) {
      case 'nameKm':
      case 'nameEn':
        return [name, tooLong ? 'nameTooLong' : 'name'];
      case 'currency':
        return ['currency', 'currency'];
      case 'budget':
      case 'minAmount':
      case 'maxAmount': {
        const typed = toMinor(values[name]);
        if (code !== 'custom' || typed === undefined) return [name, tooLong ? 'moneyTooLarge' : 'money'];
        if (name === 'budget') return [name, 'budgetPositive'];
        if (name === 'minAmount') return [name, 'minAboveCeiling'];
        return [name, typed === 0 ? 'ceilingPositive' : 'ceilingAboveBudget'];
      }
      case 'opensAt':
        return ['opensDate', 'opensAt'];
      case 'closesAt':
        return ['closesDate', code === 'custom' ? 'closesBeforeOpens' : 'closesAt'];
      case 'eligibility':
        return index === 'focusIssues' ? ['focusIssues', 'focusIssues'] : ['provinceCodes', 'provinceCodes'];
      case 'reviewersPerApplication':
        return [name, 'reviewers'];
      case 'rubric':
        if (index === undefined || part === undefined) return ['rubric', 'rubricSize'];
        switch (part) {
          case 'key':
            return [`rubric.${index}.key`, code === 'custom' ? 'keyTwice' : 'key'];
          case 'labelKm':
          case 'labelEn':
            return [`rubric.${index}.${part}`, tooLong ? 'nameTooLong' : 'label'];
          case 'weight':
            return [`rubric.${index}.weight`, 'weight'];
          case 'maxScore':
            return [`rubric.${index}.maxScore`, 'maxScore'];
          default:
            return ['rubric', 'rubricSize'];
        }
      case 'approvalChain':
        if (index === undefined || part === undefined) return ['approvalChain', 'chainSize'];
        if (part === 'role') return [`approvalChain.${index}.role`, code === 'custom' ? 'roleTwice' : 'role'];
        if (code !== 'custom') return [`approvalChain.${index}.aboveAmount`, 'money'];
        return [`approvalChain.${index}.aboveAmount`, index === '0' ? 'firstStepZero' : 'stepOrder'];
      default:
        return (MONEY_FIELDS as readonly string[]).includes(name ?? '') ? [name!, 'money'] : undefined;
    }
  });
}
