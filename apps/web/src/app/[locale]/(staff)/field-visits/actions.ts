'use server';

import { FieldVisitDraft, toFieldIssues } from '@bandanh/contracts';
import {
  visitErrors,
  visitFromForm,
  visitInput,
  type VisitValues,
} from '@/components/field-visits/visit-draft';
import { refusedFields, text, type FormState } from '@/components/programme-settings/form-state';
import { redirect } from '@/i18n/navigation';
import { programme, refused } from '@/lib/api/programme';
import { afterFailure } from '@/lib/auth';
import { localeOf } from '@/lib/locale';

export type VisitFormState = FormState<VisitValues>;

const PATH = '/field-visits';

/** Records a visit to a target area, once per form (by the key made when it was rendered). */
export async function recordVisit(previous: VisitFormState, formData: FormData): Promise<VisitFormState> {
  const locale = localeOf(formData.get('locale'));
  const key = text(formData, 'idempotencyKey') || previous.key;
  const values = visitFromForm(formData);
  const state = { key, values, errors: {} };

  const draft = FieldVisitDraft.safeParse(visitInput(values));
  if (!draft.success) return { ...state, ...refusedFields(visitErrors(toFieldIssues(draft.error))) };

  let recorded: Awaited<ReturnType<typeof programme.createFieldVisit>>;
  try {
    recorded = await programme.createFieldVisit(key, draft.data);
  } catch (error) {
    afterFailure(error, locale, PATH);
    return { ...state, ...refused(error, visitErrors) };
  }
  const query: Record<string, string> = { recorded: recorded.visit.id };
  if (!recorded.created) query.replayed = '1';
  return redirect({ href: { pathname: PATH, query }, locale });
}
