import { IntlMessageFormat } from 'intl-messageformat';
import type { NotificationKind, NotificationLocale, NotificationParams } from '@bandanh/contracts';
import { badTemplateParams } from './notifications.errors';
import en from './catalogs/en.json';
import km from './catalogs/km.json';

/** One kind's message: an ICU subject and body. */
export interface Template {
  subject: string;
  body: string;
}

interface Catalog {
  /** Every kind's message (a unit test holds each language to every kind). */
  templates: Record<NotificationKind, Template>;
  /** Codes a value may carry instead of words (a programme rule's reason), in this language. */
  reasons: Record<string, string>;
}

/** The catalogs, one per language. */
export const CATALOGS: Record<NotificationLocale, Catalog> = { km, en };

export interface RenderedMessage {
  subject: string;
  text: string;
}

function format(source: string, locale: NotificationLocale, params: NotificationParams): string {
  return String(new IntlMessageFormat(source, locale).format(params));
}

/**
 * The message of `kind` in `locale`, with the template's placeholders filled from `params`;
 * a placeholder without a value is refused (a caller's mistake, which no retry changes).
 */
export function renderNotification(
  kind: NotificationKind,
  locale: NotificationLocale,
  params: NotificationParams,
): RenderedMessage {
  const { templates, reasons } = CATALOGS[locale];
  const template = templates[kind];
  const values = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'string' && Object.hasOwn(reasons, value) ? reasons[value] : value,
    ]),
  );
  try {
    return { subject: format(template.subject, locale, values), text: format(template.body, locale, values) };
  } catch (error) {
    throw badTemplateParams(kind, error instanceof Error ? error.message : String(error));
  }
}
