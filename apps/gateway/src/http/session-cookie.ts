import { parse, serialize } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionGrant, SignInResult } from '@bandanh/contracts';

export const SESSION_COOKIE = 'bandanh_session';
export const CSRF_HEADER = 'x-csrf-token';

/** How the request proves its session, if it does: a Bearer token, or the session cookie. */
export function sessionTokenOf(
  request: FastifyRequest,
): { token: string; via: 'bearer' | 'cookie' } | undefined {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return { token: authorization.slice(7).trim(), via: 'bearer' };
  const cookie = request.headers.cookie ? parse(request.headers.cookie)[SESSION_COOKIE] : undefined;
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

/** httpOnly, Secure, SameSite=Lax, ending with the session. */
export function setSessionCookie(reply: FastifyReply, session: SessionGrant): void {
  void reply.header(
    'set-cookie',
    serialize(SESSION_COOKIE, session.token, {
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
      path: '/',
      expires: new Date(session.expiresAt),
    }),
  );
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.header(
    'set-cookie',
    serialize(SESSION_COOKIE, '', { httpOnly: true, secure: true, sameSite: 'lax', path: '/', maxAge: 0 }),
  );
}

/** An answer that signs someone in sets their session cookie; it goes back as it is. */
export async function signingIn<T extends SignInResult>(reply: FastifyReply, answer: Promise<T>): Promise<T> {
  const result = await answer;
  if (result.status === 'signed_in') setSessionCookie(reply, result.session);
  return result;
}
