/** `/km` + `/directory`: a path of the app in `locale` (every page's path starts with its locale). */
export function localePath(locale: string, href: string): string {
  return href === '/' ? `/${locale}` : `/${locale}${href}`;
}

/** A path of the app without its locale: `/cbos?q=x`, or its path and query apart. */
export type AppHref = string | { pathname: string; query?: Record<string, string> };

/** A path of the app without its locale, as a string: `/sign-in?next=%2Fcbos`. */
export function hrefOf(href: AppHref): string {
  if (typeof href === 'string') return href;
  const query = new URLSearchParams(href.query ?? {}).toString();
  return query ? `${href.pathname}?${query}` : href.pathname;
}

/** The page's path and query without its locale (`/directory?q=x`), as the proxy passed it on. */
export function pathWithoutLocale(path: string | null, locales: readonly string[]): string {
  if (!path?.startsWith('/')) return '/';
  const [pathname, query = ''] = path.split(/\?(.*)/s, 2);
  const parts = pathname.split('/');
  if (locales.includes(parts[1])) parts.splice(1, 1);
  const rest = parts.join('/') || '/';
  return query ? `${rest}?${query}` : rest;
}
