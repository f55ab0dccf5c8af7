import { routing, type Locale } from '@/i18n/routing';

/** The locale a form or URL names, or the default one. */
export function localeOf(value: unknown): Locale {
  return routing.locales.includes(value as Locale) ? (value as Locale) : routing.defaultLocale;
}
