'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { MfaResetOutcome } from '@/components/admin/reset-mfa-button';
import { api, ROUTES } from '@/lib/api';
import { afterFailure } from '@/lib/auth';
import { localeOf } from '@/lib/locale';
import { reasonOf } from '@/lib/refusal';

const PATH = '/admin/users';

/**
 * An admin confirms resetting a staff member's lost second factor (the confirmation panel is the
 * step before); the page then says what happened beside that account. A second click resets
 * nothing more.
 */
export async function resetMfa(formData: FormData): Promise<void> {
  const locale = localeOf(formData.get('locale'));
  const id = z.uuid().safeParse(formData.get('id'));
  if (!id.success) redirect(`/${locale}${PATH}`);
  let outcome: MfaResetOutcome;
  try {
    outcome = (await api(ROUTES.resetMfa, { params: { id: id.data } })).reset ? 'done' : 'off';
  } catch (error) {
    const failure = afterFailure(error, locale, PATH);
    outcome = reasonOf(error) === 'own_account' ? 'own' : failure === 'notAllowed' ? 'notAllowed' : 'failed';
  }
  revalidatePath(`/${locale}${PATH}`);
  redirect(`/${locale}${PATH}?mfaReset=${outcome}&account=${id.data}#mfa-${id.data}`);
}
