import {
  findProvince,
  type NotificationLocale,
  type NotificationParams,
  type SessionVenue,
} from '@bandanh/contracts';

export { message, notificationKey, type Recipient } from '@bandanh/platform';

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
