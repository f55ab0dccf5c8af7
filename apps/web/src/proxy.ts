import createMiddleware from 'next-intl/middleware';
import type { NextRequest } from 'next/server';
import { routing } from './i18n/routing';
import { PATH_HEADER } from './i18n/path-header';

const localize = createMiddleware(routing);

/**
 * next-intl's locale routing, which passes the request's headers on to the page; with them the
 * page's own path, so the server can draw the links to the page in the other language.
 */
export default function proxy(request: NextRequest) {
  request.headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return localize(request);
}

export const config = {
  // Every path but Next's own files, the icon and the trainers' calendar feeds, so a path no
  // page answers (`/grants`, `/grants.txt`) is sent to a language and gets the not-found page in it.
  matcher: '/((?!api|_next|_vercel|calendar/|favicon\\.ico).*)',
};
