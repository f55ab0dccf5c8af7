'use server';

import { declareRelationship } from '@bandanh/contracts';
import { text } from '@/components/programme-settings/form-state';
import { STEP_WORDING, type StepFormState } from '@/components/grants/step-refusals';
import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { asFormState } from '@/lib/refusal';

const PATH = '/account/relationships';

const fields = (issues: ReadonlyArray<{ path: string }>) => {
  const found: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.path.includes('note')) found.note = 'relationshipNote';
    if (issue.path.includes('cboId')) found.cboId = 'cboChoice';
  }
  return found;
};

/** Declares a relationship with a CBO: its applications will never be given to this reviewer. */
export async function declare(_previous: StepFormState, formData: FormData): Promise<StepFormState> {
  const values = { cboId: text(formData, 'cboId'), note: text(formData, 'note').slice(0, 600) };
  return submit(formData, {
    path: PATH,
    input: declareRelationship.request.safeParse(values),
    send: (body) => api(ROUTES.declareRelationship, { body }),
    wording: { ...STEP_WORDING, fields },
    refused: (refusal) => ({ values, ...asFormState(refusal) }),
    done: (_answer, locale) => redirect({ href: { pathname: PATH, query: { declared: '1' } }, locale }),
  });
}

/** Withdraws a relationship the reader declared. */
export async function remove(_previous: StepFormState, formData: FormData): Promise<StepFormState> {
  const values = { cboId: text(formData, 'cboId') };
  return submit(formData, {
    path: PATH,
    input: declareRelationship.request.pick({ cboId: true }).safeParse(values),
    send: ({ cboId }) => api(ROUTES.removeRelationship, { params: { id: cboId } }),
    wording: { ...STEP_WORDING, fields },
    refused: (refusal) => ({ values, ...asFormState(refusal) }),
    done: (_answer, locale) => redirect({ href: { pathname: PATH, query: { removed: '1' } }, locale }),
  });
}
