import type { ReactNode } from 'react';
import { requireAccount } from '@/lib/auth';
import { localeOf } from '@/lib/locale';

/**
 * The `layout.tsx` of a page behind sign-in that has a `loading.tsx`, given the page's path (to
 * come back to after signing in). The check runs here, before the loading state streams, so a
 * signed-out reader still gets a plain redirect: inside the streamed page it could only redirect
 * from a page already answered 200. The page keeps its own check, and its roles.
 */
export function signedInLayout(path: string) {
  return async function SignedInLayout({
    children,
    params,
  }: {
    children: ReactNode;
    params: Promise<{ locale: string }>;
  }) {
    await requireAccount(localeOf((await params).locale), path);
    return children;
  };
}
