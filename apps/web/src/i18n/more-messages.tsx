'use client';

import { NextIntlClientProvider, useLocale, useMessages, useTimeZone } from 'next-intl';
import { useMemo, type ReactNode } from 'react';
import { mergeMessages } from './pick-messages';

type Messages = ReturnType<typeof useMessages>;

/** The messages of the provider above, with `messages` laid over them, for the components below. */
export function MoreMessages({
  messages,
  children,
}: {
  messages: Record<string, unknown>;
  children: ReactNode;
}) {
  const locale = useLocale();
  const timeZone = useTimeZone();
  const above = useMessages();
  const merged = useMemo(() => mergeMessages(above, messages) as Messages, [above, messages]);
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={merged}>
      {children}
    </NextIntlClientProvider>
  );
}
