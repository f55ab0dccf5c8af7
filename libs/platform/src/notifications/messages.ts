import { createHash } from 'node:crypto';
import type {
  NotificationKind,
  NotificationLocale,
  NotificationParams,
  NotificationRequest,
} from '@bandanh/contracts';

/**
 * A service's messages, as `sendNotification` requests: one per event and recipient, its key
 * naming both so that a retried step sends nothing twice.
 */

/** Whom a message goes to. */
export interface Recipient {
  userId: string;
  email: string;
  displayName: string;
  locale: NotificationLocale;
}

/**
 * A notification key: lower-case, within the channel's 8–150 characters and its alphabet. A long
 * event id is shortened to its hash so the key stays unique.
 */
export function notificationKey(...parts: string[]): string {
  const raw = parts
    .join(':')
    .toLowerCase()
    .replace(/[^a-z0-9:._-]+/g, '-');
  if (raw.length <= 150) return raw.padEnd(8, '-');
  return `${raw.slice(0, 100)}:${createHash('sha256').update(raw).digest('hex').slice(0, 40)}`;
}

/** One message of `kind` to `recipient`, addressed by name, in their language. */
export function message(
  kind: NotificationKind,
  key: string,
  recipient: Recipient,
  params: NotificationParams,
  cboId?: string,
): NotificationRequest {
  return {
    key,
    kind,
    locale: recipient.locale,
    recipient: { email: recipient.email, userId: recipient.userId },
    params: { name: recipient.displayName, ...params },
    ...(cboId ? { cboId } : {}),
  };
}
