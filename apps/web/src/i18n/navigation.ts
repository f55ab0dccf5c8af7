import { redirect as nextRedirect } from 'next/navigation';
import { hrefOf, localePath, type AppHref } from './paths';

export { Link } from './link';

/**
 * Sends the reader to a page of the app in `locale` (from a server component or action), like
 * next-intl's `redirect` but without its navigation code, whose link would ride along to the
 * browser on every page that can redirect.
 */
export function redirect(
  { href, locale }: { href: AppHref; locale: string },
  type?: Parameters<typeof nextRedirect>[1],
): never {
  return nextRedirect(localePath(locale, hrefOf(href)), type);
}
