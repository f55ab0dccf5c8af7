'use server';

import { z } from 'zod';
import { HotlineCallDraft, toFieldIssues } from '@bandanh/contracts';
import {
  HOTLINE_FIELDS,
  hotlineErrors,
  hotlineInput,
  type HotlineValues,
} from '@/components/hotline/hotline-draft';
import { refusedFields, text, type FormState } from '@/components/programme-settings/form-state';
import { redirect } from '@/i18n/navigation';
import { programme, refused } from '@/lib/api/programme';
import { afterFailure } from '@/lib/auth';
import { localeOf } from '@/lib/locale';

export type HotlineFormState = FormState<HotlineValues>;

/**
 * Logs a call, message or visit to a CBO and the guidance given, with the referral to a partner
 * NGO when there is one (the API then starts its follow-up task). The key made when the form was
 * rendered logs a form sent twice once.
 */
export async function logCall(previous: HotlineFormState, formData: FormData): Promise<HotlineFormState> {
  const locale = localeOf(formData.get('locale'));
  const key = text(formData, 'idempotencyKey') || previous.key;
  const values = Object.fromEntries(
    HOTLINE_FIELDS.map((field) => [field, text(formData, field)]),
  ) as HotlineValues;
  const state = { key, values, errors: {} };
  const cboId = z.uuid().safeParse(formData.get('cboId'));
  if (!cboId.success) return { ...state, formError: 'unexpected' };

  const draft = HotlineCallDraft.safeParse(hotlineInput(values));
  if (!draft.success) return { ...state, ...refusedFields(hotlineErrors(toFieldIssues(draft.error))) };

  const path = `/cbos/${cboId.data}/hotline`;
  let logged: Awaited<ReturnType<typeof programme.logCall>>;
  try {
    logged = await programme.logCall(cboId.data, key, draft.data);
  } catch (error) {
    afterFailure(error, locale, path);
    return { ...state, ...refused(error, hotlineErrors, { notFound: 'cboGone' }) };
  }
  const query: Record<string, string> = { logged: logged.call.id };
  if (!logged.created) query.replayed = '1';
  return redirect({ href: { pathname: path, query }, locale });
}
