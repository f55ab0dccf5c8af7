import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['km', 'en'],
  defaultLocale: 'km',
  localeCookie: { name: 'BANDANH_LOCALE', sameSite: 'lax' },
});

export type Locale = (typeof routing.locales)[number];
