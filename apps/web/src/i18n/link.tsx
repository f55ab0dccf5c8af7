'use client';

import { useParams } from 'next/navigation';
import type { ComponentProps } from 'react';
import { hrefOf, localePath, type AppHref } from './paths';
import { routing } from './routing';

type Props = Omit<ComponentProps<'a'>, 'href'> & {
  /** Next's link hint; a plain link neither prefetches nor needs it. */
  prefetch?: boolean;
  /** A path of the app without its locale: `/directory?q=…`, or `{ pathname, query }`. */
  href: AppHref;
  /** Another language than the page's. */
  locale?: string;
};

/**
 * A link to a page of the app in the page's language (or `locale`), for server and client
 * components alike. Unlike next-intl's it sends none of next-intl's code to the browser, so the
 * applicant's pages stay light; and it is a plain `<a>`, not Next's link: a full page load on a
 * click, no prefetching of every link in view (data a phone pays for), and ~3 KiB less script.
 */
export function Link({ href, locale, prefetch: _prefetch, ...rest }: Props) {
  const params = useParams<{ locale?: string }>();
  return <a href={localePath(locale ?? params?.locale ?? routing.defaultLocale, hrefOf(href))} {...rest} />;
}
