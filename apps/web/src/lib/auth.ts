import 'server-only';
import { cache } from 'react';
import { redirect } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { api, GatewayError, ROUTES, type RouteOutput } from './api';
import { sessionToken } from './session';

/** The signed-in account with its CSRF token and whether it must enrol two-factor authentication. */
export type Me = RouteOutput<typeof ROUTES.me>;

/** The signed-in account, or null; asked of the gateway once per request. Throws when the gateway is down. */
export const loadMe = cache(async (): Promise<Me | null> => {
  if (!(await sessionToken())) return null;
  try {
    return await api(ROUTES.me);
  } catch (error) {
    if (error instanceof GatewayError && error.status === 401) return null;
    throw error;
  }
});

/** The signed-in account for the layout: null when signed out or when the gateway does not answer. */
export async function currentAccount(): Promise<Me | null> {
  return loadMe().catch(() => null);
}

export function toSignIn(locale: Locale, path: string): never {
  return redirect({ href: { pathname: '/sign-in', query: { next: path } }, locale });
}

export function toMfaEnrolment(locale: Locale): never {
  return redirect({ href: '/account/mfa', locale });
}

/**
 * The account a page needs: without a session the reader goes to sign in (and comes back to
 * `path`), and an account that must first set up two-factor authentication goes there.
 */
export async function requireAccount(
  locale: Locale,
  path: string,
  { duringMfaEnrolment = false } = {},
): Promise<Me> {
  const me = await loadMe();
  if (!me) return toSignIn(locale, path);
  if (me.mfaEnrolmentRequired && !duringMfaEnrolment) return toMfaEnrolment(locale);
  return me;
}

/**
 * For a gateway call that failed in a page or an action: a lost session goes to sign in, a
 * missing enrolment goes to two-factor set-up, and anything else says what to show.
 */
export function afterFailure(
  error: unknown,
  locale: Locale,
  path: string,
): 'notAllowed' | 'notFound' | 'unavailable' {
  if (error instanceof GatewayError) {
    if (error.status === 401) toSignIn(locale, path);
    if (error.mfaEnrolmentRequired) toMfaEnrolment(locale);
    if (error.status === 403) return 'notAllowed';
    if (error.status === 404) return 'notFound';
  }
  return 'unavailable';
}
