'use server';

import { z } from 'zod';
import { HotlineCallCorrection, HotlineCallDraft } from '@bandanh/contracts';
import {
  CORRECTION_FIELDS,
  HOTLINE_FIELDS,
  correctionInput,
  hotlineErrors,
  hotlineInput,
  type CorrectionValues,
  type HotlineValues,
} from '@/components/hotline/hotline-draft';
import { text, type FormState } from '@/components/programme-settings/form-state';
import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { asFormState, FORM_WORDING } from '@/lib/refusal';

export type HotlineFormState = FormState<HotlineValues>;
export type CorrectionFormState = FormState<CorrectionValues>;

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

/**
 * Corrects a call logged wrong (its date, its caller, what was said): nothing is deleted, and the
 * API keeps who corrected it, when, and each fact before and after in the audit log. Sending the
 * same correction twice changes nothing the second time.
 */
export async function correctCall(
  _previous: CorrectionFormState,
  formData: FormData,
): Promise<CorrectionFormState> {
  const values = Object.fromEntries(
    CORRECTION_FIELDS.map((field) => [field, text(formData, field)]),
  ) as CorrectionValues;
  const ids = z.object({ cboId: z.uuid(), callId: z.uuid() }).safeParse({
    cboId: formData.get('cboId'),
    callId: formData.get('callId'),
  });
  if (!ids.success) return { key: '', values, errors: {}, formError: 'unexpected' };

  const path = `/cbos/${ids.data.cboId}/hotline`;
  return submit(formData, {
    path,
    input: HotlineCallCorrection.safeParse(correctionInput(values)),
    send: (correction) =>
      api(ROUTES.correctHotlineCall, { params: { id: ids.data.callId }, body: correction }),
    wording: { ...FORM_WORDING, fields: hotlineErrors, NOT_FOUND: 'callGone' },
    refused: (refusal) => ({ key: '', values, ...asFormState(refusal) }),
    done: ({ call }, locale) => redirect({ href: { pathname: path, query: { corrected: call.id } }, locale }),
  });
}
