import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['km', 'en'],
  defaultLocale: 'km',
  localeCookie: { name: 'BANDANH_LOCALE', sameSite: 'lax' },
});

export type Locale = (typeof routing.locales)[number];

/** Whether `value` is one of the app's languages (next-intl's `hasLocale`, without importing its client code). */
export function isLocale(value: unknown): value is Locale {
  return (routing.locales as readonly unknown[]).includes(value);
}
