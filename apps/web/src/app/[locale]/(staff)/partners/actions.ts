'use server';

import { z } from 'zod';
import { PartnerDraft } from '@bandanh/contracts';
import { partnerErrors, partnerFromForm, type PartnerValues } from '@/components/partners/partner-draft';
import { text, type FormState } from '@/components/programme-settings/form-state';
import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { asFormState, FORM_WORDING } from '@/lib/refusal';

export type PartnerFormState = FormState<PartnerValues>;

const PATH = '/partners';

/**
 * Adds a partner NGO (once per form, by the key made when it was rendered), or changes one:
 * unticking "active" takes it out of the hotline's choice without losing its referrals.
 */
export async function savePartner(previous: PartnerFormState, formData: FormData): Promise<PartnerFormState> {
  const key = text(formData, 'idempotencyKey') || previous.key;
  const partnerId = text(formData, 'partnerId');
  const values = partnerFromForm(formData, Boolean(partnerId));
  if (partnerId && !z.uuid().safeParse(partnerId).success) {
    return { key, values, errors: {}, formError: 'unexpected' };
  }
  return submit(formData, {
    path: PATH,
    input: PartnerDraft.safeParse(values),
    send: (draft) =>
      partnerId
        ? api(ROUTES.updatePartner, { params: { id: partnerId }, body: draft })
        : api(ROUTES.createPartner, { idempotencyKey: key, body: draft }),
    wording: { ...FORM_WORDING, fields: partnerErrors, NOT_FOUND: 'partnerGone' },
    refused: (refusal) => ({ key, values, ...asFormState(refusal) }),
    done: ({ partner, created }, locale) => {
      const query: Record<string, string> = { saved: partner.id };
      if (!partnerId) query[created ? 'added' : 'replayed'] = '1';
      return redirect({ href: { pathname: PATH, query }, locale });
    },
  });
}
