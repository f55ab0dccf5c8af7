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
import { applyToJoin } from '@/lib/api/public';
import { GatewayError } from '@/lib/gateway';
import { localeOf } from '@/lib/locale';

export interface ApplyState {
  /** Made when the form was rendered: the same form sent twice makes one application. */
  idempotencyKey: string;
  values: ApplyValues;
  fieldErrors: ApplyFieldErrors;
  formError?: ApplyErrorKey;
}

function formErrorFor(error: unknown, rows: number[]): Pick<ApplyState, 'fieldErrors' | 'formError'> {
  if (error instanceof GatewayError) {
    if (error.body.code === 'VALIDATION_FAILED') {
      const fieldErrors = fieldErrorsFrom(error.body.details?.issues ?? [], rows);
      return { fieldErrors, formError: Object.keys(fieldErrors).length > 0 ? 'summary' : 'invalid' };
    }
    if (error.body.code === 'IDEMPOTENCY_KEY_REUSED') return { fieldErrors: {}, formError: 'keyReused' };
    if (error.body.code === 'UNAVAILABLE') return { fieldErrors: {}, formError: 'unavailable' };
  }
  return { fieldErrors: {}, formError: 'unexpected' };
}

/** A group applies to join the network; nobody needs to be signed in. */
export async function applyToNetwork(previous: ApplyState, formData: FormData): Promise<ApplyState> {
  const locale = localeOf(formData.get('locale'));
  const idempotencyKey = String(formData.get('idempotencyKey') || previous.idempotencyKey).slice(0, 128);
  const values = valuesFrom(formData);

  const checked = checkApplication(values);
  if (!checked.ok) return { idempotencyKey, values, fieldErrors: checked.fieldErrors, formError: 'summary' };

  let created: boolean;
  try {
    ({ created } = await applyToJoin(idempotencyKey, checked.application));
  } catch (error) {
    return { idempotencyKey, values, ...formErrorFor(error, checked.rows) };
  }
  return redirect({ href: created ? '/apply/thanks' : '/apply/thanks?replayed=1', locale });
}
