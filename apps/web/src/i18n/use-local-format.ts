import { useFormatter, useLocale } from 'next-intl';
import { localFormat, type Format } from './local-format';

/** `useFormatter()` with the language's digits and clock (client and non-async server components). */
export function useLocalFormat(): Format {
  return localFormat(useFormatter(), useLocale());
}
