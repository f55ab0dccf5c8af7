'use server';

import { FieldVisitDraft } from '@bandanh/contracts';
import {
  visitErrors,
  visitFromForm,
  visitInput,
  type VisitValues,
} from '@/components/field-visits/visit-draft';
import { text, type FormState } from '@/components/programme-settings/form-state';
import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { asFormState, FORM_WORDING } from '@/lib/refusal';

export type VisitFormState = FormState<VisitValues>;

const PATH = '/field-visits';

/** Records a visit to a target area, once per form (by the key made when it was rendered). */
export async function recordVisit(previous: VisitFormState, formData: FormData): Promise<VisitFormState> {
  const key = text(formData, 'idempotencyKey') || previous.key;
  const values = visitFromForm(formData);
  return submit(formData, {
    path: PATH,
    input: FieldVisitDraft.safeParse(visitInput(values)),
    send: (draft) => api(ROUTES.createFieldVisit, { idempotencyKey: key, body: draft }),
    wording: { ...FORM_WORDING, fields: visitErrors },
    refused: (refusal) => ({ key, values, ...asFormState(refusal) }),
    done: ({ visit, created }, locale) => {
      const query: Record<string, string> = { recorded: visit.id };
      if (!created) query.replayed = '1';
      return redirect({ href: { pathname: PATH, query }, locale });
    },
  });
}
