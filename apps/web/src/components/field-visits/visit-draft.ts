import type { FieldIssue } from '@bandanh/contracts';
import { errorsFrom, text, textKey } from '@/components/programme-settings/form-state';

export const VISIT_FIELDS = ['provinceCode', 'district', 'commune', 'village', 'visitedOn', 'notes'] as const;
export type VisitField = (typeof VISIT_FIELDS)[number];
export type VisitValues = Record<VisitField, string>;

export function visitFromForm(formData: FormData): VisitValues {
  return Object.fromEntries(VISIT_FIELDS.map((field) => [field, text(formData, field)])) as VisitValues;
}

/** Shaped for `FieldVisitDraft`: a province not chosen is absent, not blank. */
export const visitInput = (values: VisitValues) => ({
  ...values,
  provinceCode: values.provinceCode || undefined,
});

export function visitErrors(issues: ReadonlyArray<Pick<FieldIssue, 'path' | 'code'>>) {
  return errorsFrom(issues, ([field], code) => {
    if (!(VISIT_FIELDS as readonly string[]).includes(field)) return undefined;
    // A date after today (in Cambodia) is refused by the contract's own rule.
    if (field === 'visitedOn' && code === 'custom') return ['visitedOn', 'visitedOnFuture'];
    return [field, field === 'provinceCode' || field === 'visitedOn' ? field : textKey(field, code)];
  });
}
