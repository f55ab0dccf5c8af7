import { getFormatter, getLocale } from 'next-intl/server';
import { localFormat, type Format } from './local-format';
import type { Locale } from './routing';

/**
 * `getFormatter()` with the language's digits and clock, for async server components and
 * actions (an action passes the form's locale).
 */
export async function getLocalFormat(locale?: Locale): Promise<Format> {
  const [format, current] = await Promise.all([
    getFormatter(locale ? { locale } : undefined),
    locale ?? getLocale(),
  ]);
  return localFormat(format, current);
}
