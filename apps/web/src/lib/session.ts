import 'server-only';
import { cookies } from 'next/headers';
import type { SessionGrant } from '@bandanh/contracts';

/** The web's own cookie holding the gateway session token; the browser never sees the token otherwise. */
export const SESSION_COOKIE = 'bandanh_session';

/** The session token the browser presented, if any. Readable in server components and actions. */
export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value || undefined;
}

/** Keeps a new session: httpOnly, Secure, SameSite=Lax, ending when the session ends. Server actions only. */
export async function keepSession(session: SessionGrant): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, session.token, {
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
    path: '/',
    expires: new Date(session.expiresAt),
  });
}

/** Forgets the session. Server actions only. */
export async function forgetSession(): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, '', {
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
    path: '/',
    maxAge: 0,
  });
}
