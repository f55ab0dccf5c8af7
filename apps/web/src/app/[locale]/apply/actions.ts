'use server';

import { getTranslations } from 'next-intl/server';
import {
  checkApplication,
  fieldErrorsFrom,
  valuesFrom,
  type ApplyErrorKey,
  type ApplyFieldErrors,
  type ApplyValues,
} from '@/components/apply/application';
import { numberingSystemOf } from '@/components/notifications/numerals';
import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { submit } from '@/lib/form-action';
import { localeOf } from '@/lib/locale';

export interface ApplyState {
  /** Made when the form was rendered: the same form sent twice makes one application. */
  idempotencyKey: string;
  values: ApplyValues;
  fieldErrors: ApplyFieldErrors;
  formError?: ApplyErrorKey;
  /** The top message already worded, where it carries a number (the minutes to wait after a 429). */
  formErrorText?: string;
}

/** "Please send them again in about N minutes", with N in the page's digits. */
async function rateLimitedText(locale: 'km' | 'en', minutes: number): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'apply.errors' });
  const shown = new Intl.NumberFormat(locale, { numberingSystem: numberingSystemOf(locale) }).format(minutes);
  return t('rateLimited', { minutes, shown });
}

/**
 * A group applies to join the network; nobody needs to be signed in. The thank-you page gets
 * the application's reference, and says from it whether a programme rule declined the group.
 */
export async function applyToNetwork(previous: ApplyState, formData: FormData): Promise<ApplyState> {
  const idempotencyKey = String(formData.get('idempotencyKey') || previous.idempotencyKey).slice(0, 128);
  const values = valuesFrom(formData);
  const locale = localeOf(formData.get('locale'));

  const checked = checkApplication(values);
  if (!checked.ok) return { idempotencyKey, values, fieldErrors: checked.fieldErrors, formError: 'summary' };

  return submit(formData, {
    send: () => api(ROUTES.applyAsCbo, { idempotencyKey, body: { ...checked.application, locale } }),
    wording: {
      fields: (issues) => fieldErrorsFrom(issues, checked.rows),
      VALIDATION_FAILED: 'invalid',
      IDEMPOTENCY_KEY_REUSED: 'keyReused',
      UNAVAILABLE: 'unavailable',
      RATE_LIMITED: 'rateLimited',
    },
    refused: async (refusal) => ({
      idempotencyKey,
      values,
      ...refusal,
      ...(refusal.formError === 'rateLimited'
        ? { formErrorText: await rateLimitedText(locale, refusal.minutes ?? 1) }
        : {}),
    }),
    done: ({ created, reference }, at) => {
      const query = new URLSearchParams();
      if (reference) query.set('reference', reference);
      if (!created) query.set('replayed', '1');
      const search = query.toString();
      return redirect({ href: search ? `/apply/thanks?${search}` : '/apply/thanks', locale: at });
    },
  });
}
