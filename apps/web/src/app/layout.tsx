import type { ReactNode } from 'react';

/**
 * The pages' `<html>` is drawn by `[locale]/layout.tsx`, in the page's language; this layout only
 * lets `not-found.tsx` beside it answer the paths no page answers.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
