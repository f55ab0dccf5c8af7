'use client';

import { NextIntlClientProvider } from 'next-intl';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { mergeMessages } from './pick-messages';

type Messages = Record<string, unknown>;

/** The messages the sections above gave their client components. */
const Above = createContext<Messages>({});

/**
 * next-intl for the client components below: the messages of the sections above, with
 * `messages` laid over them. Only sections whose client components translate in the browser
 * have one; the others send no next-intl code at all.
 */
export function MoreMessages({
  locale,
  timeZone,
  messages,
  children,
}: {
  locale: string;
  timeZone: string;
  messages: Messages;
  children: ReactNode;
}) {
  const above = useContext(Above);
  const merged = useMemo(() => mergeMessages(above, messages), [above, messages]);
  return (
    <Above.Provider value={merged}>
      <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={merged}>
        {children}
      </NextIntlClientProvider>
    </Above.Provider>
  );
}
