'use client';

import { createContext, useContext, type ReactNode } from 'react';

/** What the error page says, already translated by the layout. */
export interface ErrorText {
  title: string;
  message: string;
  retry: string;
}

const Text = createContext<ErrorText>({
  title: 'This page cannot be shown',
  message: 'Please try again in a moment.',
  retry: 'Try again',
});

/**
 * Hands the error page (a client component, as Next wants it) its words from the server, so no
 * page needs next-intl's code in the browser just in case it fails.
 */
export function ErrorTextProvider({ text, children }: { text: ErrorText; children: ReactNode }) {
  return <Text.Provider value={text}>{children}</Text.Provider>;
}

export const useErrorText = () => useContext(Text);
