'use server';

import {
  checkApplication,
  fieldErrorsFrom,
  valuesFrom,
  type ApplyErrorKey,
  type ApplyFieldErrors,
  type ApplyValues,
} from '@/components/apply/application';
import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';

export interface ApplyState {
  /** Made when the form was rendered: the same form sent twice makes one application. */
  idempotencyKey: string;
  values: ApplyValues;
  fieldErrors: ApplyFieldErrors;
  formError?: ApplyErrorKey;
}

/** A group applies to join the network; nobody needs to be signed in. */
export async function applyToNetwork(previous: ApplyState, formData: FormData): Promise<ApplyState> {
  const idempotencyKey = String(formData.get('idempotencyKey') || previous.idempotencyKey).slice(0, 128);
  const values = valuesFrom(formData);

  const checked = checkApplication(values);
  if (!checked.ok) return { idempotencyKey, values, fieldErrors: checked.fieldErrors, formError: 'summary' };

  return submit(formData, {
    send: () => api(ROUTES.applyAsCbo, { idempotencyKey, body: checked.application }),
    wording: {
      fields: (issues) => fieldErrorsFrom(issues, checked.rows),
      VALIDATION_FAILED: 'invalid',
      IDEMPOTENCY_KEY_REUSED: 'keyReused',
      UNAVAILABLE: 'unavailable',
    },
    refused: (refusal) => ({ idempotencyKey, values, ...refusal }),
    done: ({ created }, locale) =>
      redirect({ href: created ? '/apply/thanks' : '/apply/thanks?replayed=1', locale }),
  });
}
