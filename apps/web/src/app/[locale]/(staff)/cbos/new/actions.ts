'use server';

import { CboDraft, toFieldIssues } from '@bandanh/contracts';
import { redirect } from '../../../../../i18n/navigation';
import { afterFailure } from '../../../../../lib/auth';
import { GatewayError, gateway } from '../../../../../lib/gateway';
import {
  CBO_FIELDS,
  fieldErrorsFrom,
  type CboField,
  type FormErrorKey,
} from '../../../../../lib/form-errors';
import { localeOf } from '../../../../../lib/locale';

export interface CboFormState {
  idempotencyKey: string;
  values: Record<CboField, string>;
  fieldErrors: Partial<Record<CboField, FormErrorKey>>;
  formError?: FormErrorKey;
}

function formErrorFor(error: unknown): Pick<CboFormState, 'fieldErrors' | 'formError'> {
  if (error instanceof GatewayError) {
    if (error.body.code === 'VALIDATION_FAILED') {
      return { fieldErrors: fieldErrorsFrom(error.body.details?.issues ?? []), formError: 'invalid' };
    }
    if (error.body.code === 'IDEMPOTENCY_KEY_REUSED') return { fieldErrors: {}, formError: 'keyReused' };
    if (error.body.code === 'UNAVAILABLE') return { fieldErrors: {}, formError: 'unavailable' };
    if (error.body.code === 'FORBIDDEN') return { fieldErrors: {}, formError: 'notAllowed' };
  }
  return { fieldErrors: {}, formError: 'unexpected' };
}

/**
 * Records a candidate CBO. The form carries an idempotency key made when the page was
 * rendered, so sending the same form twice records one CBO.
 */
export async function recordCbo(previous: CboFormState, formData: FormData): Promise<CboFormState> {
  const locale = localeOf(formData.get('locale'));
  const idempotencyKey = String(formData.get('idempotencyKey') || previous.idempotencyKey);
  const values = Object.fromEntries(
    CBO_FIELDS.map((field) => [field, String(formData.get(field) ?? '')]),
  ) as Record<CboField, string>;

  const draft = CboDraft.safeParse(values);
  if (!draft.success) {
    return { idempotencyKey, values, fieldErrors: fieldErrorsFrom(toFieldIssues(draft.error)) };
  }

  let result: Awaited<ReturnType<typeof gateway.createCbo>>;
  try {
    result = await gateway.createCbo(idempotencyKey, draft.data);
  } catch (error) {
    // A session that ended meanwhile goes to sign in, and comes back to a new form.
    afterFailure(error, locale, '/cbos/new');
    return { idempotencyKey, values, ...formErrorFor(error) };
  }
  const query: Record<string, string> = { created: result.cbo.id };
  if (!result.created) query.replayed = '1';
  redirect({ href: { pathname: '/cbos', query }, locale });
  return previous;
}
