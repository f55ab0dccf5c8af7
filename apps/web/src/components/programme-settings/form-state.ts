import type { FieldIssue } from '@bandanh/contracts';

/**
 * A programme form between its server action and the page: what was typed (to show it again),
 * and what was refused, as message keys for the page to translate: a field's under its
 * namespace's `fieldErrors`, the form's under `errors`.
 */
export interface FormState<Values> {
  /** The idempotency key made when the form was rendered; '' for commands that need none. */
  key: string;
  values: Values;
  /** By field, named as the form's inputs are (`rubric.2.weight`). */
  errors: Record<string, string>;
  formError?: string;
}

/** Where an issue shows: the form's field and the message key, or nothing for one no field can show. */
export type Locate = (path: string[], code: string) => [field: string, key: string] | undefined;

/** One message key per field, the first issue of each; paths are dotted, as the contracts give them. */
export function errorsFrom(issues: ReadonlyArray<Pick<FieldIssue, 'path' | 'code'>>, locate: Locate) {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const found = locate(issue.path ? issue.path.split('.') : [], issue.code);
    if (found && !errors[found[0]]) errors[found[0]] = found[1];
  }
  return errors;
}

/** The message at the top of a form refused field by field; `invalid` when no field shows why. */
export function refusedFields(errors: Record<string, string>): {
  errors: Record<string, string>;
  formError: string;
} {
  return { errors, formError: Object.keys(errors).length > 0 ? 'summary' : 'invalid' };
}

/** A text field's message: too long, or else the field's own (what to enter). */
export const textKey = (field: string, code: string) => (code === 'too_big' ? 'tooLong' : field);

/** The text of a form field, '' when absent (or a file). */
export function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}
