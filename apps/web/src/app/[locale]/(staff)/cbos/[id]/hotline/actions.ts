'use server';

import { z } from 'zod';
import { HotlineCallDraft } from '@bandanh/contracts';
import {
  HOTLINE_FIELDS,
  hotlineErrors,
  hotlineInput,
  type HotlineValues,
} from '@/components/hotline/hotline-draft';
import { text, type FormState } from '@/components/programme-settings/form-state';
import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { asFormState, FORM_WORDING } from '@/lib/refusal';

export type HotlineFormState = FormState<HotlineValues>;

/**
 * Logs a call, message or visit to a CBO and the guidance given, with the referral to a partner
 * NGO when there is one (the API then starts its follow-up task). The key made when the form was
 * rendered logs a form sent twice once.
 */
export async function logCall(previous: HotlineFormState, formData: FormData): Promise<HotlineFormState> {
  const key = text(formData, 'idempotencyKey') || previous.key;
  const values = Object.fromEntries(
    HOTLINE_FIELDS.map((field) => [field, text(formData, field)]),
  ) as HotlineValues;
  const cboId = z.uuid().safeParse(formData.get('cboId'));
  if (!cboId.success) return { key, values, errors: {}, formError: 'unexpected' };

  const path = `/cbos/${cboId.data}/hotline`;
  return submit(formData, {
    path,
    input: HotlineCallDraft.safeParse(hotlineInput(values)),
    send: (draft) =>
      api(ROUTES.logHotlineCall, { params: { id: cboId.data }, idempotencyKey: key, body: draft }),
    wording: { ...FORM_WORDING, fields: hotlineErrors, NOT_FOUND: 'cboGone' },
    refused: (refusal) => ({ key, values, ...asFormState(refusal) }),
    done: (logged, locale) => {
      const query: Record<string, string> = { logged: logged.call.id };
      if (!logged.created) query.replayed = '1';
      return redirect({ href: { pathname: path, query }, locale });
    },
  });
}
