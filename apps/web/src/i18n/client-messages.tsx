import { getLocale, getMessages, getTimeZone } from 'next-intl/server';
import type { ReactNode } from 'react';
import { MoreMessages } from './more-messages';
import { pickMessages } from './pick-messages';

/**
 * Gives the client components under it next-intl with the messages at `namespaces` (`apply`,
 * `account.working`), on top of what the sections above send. Server components read the whole
 * catalog with `getTranslations`; only what a browser renders itself is sent along.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly string[];
  children: ReactNode;
}) {
  return (
    <MoreMessages
      locale={await getLocale()}
      timeZone={await getTimeZone()}
      messages={pickMessages(await getMessages(), namespaces)}
    >
      {children}
    </MoreMessages>
  );
}

/** A `layout.tsx` that only gives its segment's client components the messages at `namespaces`. */
export function messagesLayout(namespaces: readonly string[]) {
  return function MessagesLayout({ children }: { children: ReactNode }) {
    return <ClientMessages namespaces={namespaces}>{children}</ClientMessages>;
  };
}
