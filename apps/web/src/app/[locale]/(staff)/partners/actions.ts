'use server';

import { z } from 'zod';
import { PartnerDraft, toFieldIssues } from '@bandanh/contracts';
import { partnerErrors, partnerFromForm, type PartnerValues } from '@/components/partners/partner-draft';
import { refusedFields, text, type FormState } from '@/components/programme-settings/form-state';
import { redirect } from '@/i18n/navigation';
import { programme, refused } from '@/lib/api/programme';
import { afterFailure } from '@/lib/auth';
import { localeOf } from '@/lib/locale';

export type PartnerFormState = FormState<PartnerValues>;

const PATH = '/partners';

/**
 * Adds a partner NGO (once per form, by the key made when it was rendered), or changes one:
 * unticking "active" takes it out of the hotline's choice without losing its referrals.
 */
export async function savePartner(previous: PartnerFormState, formData: FormData): Promise<PartnerFormState> {
  const locale = localeOf(formData.get('locale'));
  const key = text(formData, 'idempotencyKey') || previous.key;
  const partnerId = text(formData, 'partnerId');
  const values = partnerFromForm(formData, Boolean(partnerId));
  const state = { key, values, errors: {} };
  if (partnerId && !z.uuid().safeParse(partnerId).success) return { ...state, formError: 'unexpected' };

  const draft = PartnerDraft.safeParse(values);
  if (!draft.success) return { ...state, ...refusedFields(partnerErrors(toFieldIssues(draft.error))) };

  let saved: Awaited<ReturnType<typeof programme.createPartner>>;
  try {
    saved = partnerId
      ? await programme.updatePartner(partnerId, draft.data)
      : await programme.createPartner(key, draft.data);
  } catch (error) {
    afterFailure(error, locale, PATH);
    return { ...state, ...refused(error, partnerErrors, { notFound: 'partnerGone' }) };
  }
  const query: Record<string, string> = { saved: saved.partner.id };
  if (!partnerId) query[saved.created ? 'added' : 'replayed'] = '1';
  return redirect({ href: { pathname: PATH, query }, locale });
}
