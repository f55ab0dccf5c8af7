import { createHash } from 'node:crypto';
import {
  findProvince,
  type NotificationKind,
  type NotificationLocale,
  type NotificationParams,
  type NotificationRequest,
  type SessionVenue,
} from '@bandanh/contracts';

/**
 * The training service's messages, as `sendNotification` requests: one per event and recipient,
 * its key naming both so a retried step sends nothing twice. Params follow the orchestrator's
 * conventions (libs/contracts/src/orchestrator/notifications.ts): instants as ISO, the module's
 * and place's text in both languages for the template to pick, `place:online` for online.
 */

/** What a message says of a session. */
export interface SessionFacts {
  id: string;
  startsAt: string;
  venue: SessionVenue;
  module: { titleKm: string; titleEn: string };
}

/** Whom it goes to. */
export interface Recipient {
  userId: string;
  email: string;
  displayName: string;
  locale: NotificationLocale;
}

/** The place's words in each language; `place:online` for an online session. */
export function placeParams(venue: SessionVenue): NotificationParams {
  if (venue.kind === 'online') return { place: 'place:online' };
  const province = findProvince(venue.provinceCode);
  const parts = [venue.place, venue.commune, venue.district];
  return {
    placeKm: [...parts, province?.nameKm ?? venue.provinceCode].join(', '),
    placeEn: [...parts, province?.name ?? venue.provinceCode].join(', '),
  };
}

export function sessionParams(session: SessionFacts): NotificationParams {
  return {
    moduleKm: session.module.titleKm,
    moduleEn: session.module.titleEn,
    startsAt: session.startsAt,
    ...placeParams(session.venue),
  };
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

export interface Links {
  /** The web's address, without a trailing slash. */
  webUrl: string;
}

/** The member's group page, where they confirm a seat and see their progress. */
export function memberLink(links: Links, locale: NotificationLocale): string {
  return `${links.webUrl}/${locale}/my-cbo`;
}

/** A trainer's page of the session. */
export function trainerLink(links: Links, locale: NotificationLocale, sessionId: string): string {
  return `${links.webUrl}/${locale}/training/sessions/${sessionId}`;
}

/** The public page where a certificate is checked. */
export function certificateLink(links: Links, locale: NotificationLocale, code: string): string {
  return `${links.webUrl}/${locale}/certificates/${encodeURIComponent(code)}`;
}

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
