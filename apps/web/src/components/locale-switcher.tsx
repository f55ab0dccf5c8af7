'use client';

import { Link, usePathname } from '@/i18n/navigation';
import { routing } from '@/i18n/routing';

const NAMES: Record<string, string> = { km: 'ខ្មែរ', en: 'English' };

/** Links to the same page in each language; plain links, so they work before hydration. */
export function LocaleSwitcher({ current, label }: { current: string; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      {routing.locales
        .filter((locale) => locale !== current)
        .map((locale) => (
          <Link key={locale} href={pathname} locale={locale} lang={locale} hrefLang={locale}>
            {NAMES[locale]}
          </Link>
        ))}
    </nav>
  );
}
