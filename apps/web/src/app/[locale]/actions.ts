'use server';

import { redirect } from '@/i18n/navigation';
import { api, ROUTES } from '@/lib/api';
import { localeOf } from '@/lib/locale';
import { forgetSession, sessionToken } from '@/lib/session';

/** Ends the session at the gateway (if it still lives) and forgets the cookie. */
export async function signOut(formData: FormData): Promise<void> {
  const locale = localeOf(formData.get('locale'));
  if (await sessionToken()) await api(ROUTES.signOut).catch(() => undefined);
  await forgetSession();
  redirect({ href: { pathname: '/sign-in', query: { signedOut: '1' } }, locale });
}
