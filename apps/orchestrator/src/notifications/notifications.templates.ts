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
  /** A duration's words per unit (`{n, plural, …}`), for the `lead` of a reminder. */
  durations: Record<DurationUnit, string>;
}

/** The units a duration param is said in. */
type DurationUnit = 'second' | 'minute' | 'hour' | 'day' | 'week';

/** The catalogs, one per language. */
export const CATALOGS: Record<NotificationLocale, Catalog> = { km, en };

export interface RenderedMessage {
  subject: string;
  text: string;
}

/** The locales the messages are formatted in: Khmer digits in Khmer (`{position, number}`, `#`). */
const INTL_LOCALES: Record<NotificationLocale, string> = { km: 'km-u-nu-khmr', en: 'en-GB' };

/** Where the programme's sessions take place: the instants of a message are said in its time. */
export const NOTIFICATION_TIME_ZONE = 'Asia/Phnom_Penh';

/** Params that hold an instant (ISO 8601), said as the local date and time. */
const INSTANT_PARAMS = ['startsAt', 'oldStartsAt', 'dueAt'] as const;
/** Params that hold money in integer minor units (cents), in the currency of `currency`. */
const MONEY_PARAMS = ['amount'] as const;
/** The currencies money is said in (USD when a message names none). */
const CURRENCIES = ['USD', 'KHR'] as const;
/** A reason made of the automatic rules a grant application failed: `rules:<rule>,<rule>`. */
const GRANT_RULES_REASON = /^rules:([a-z_]+(?:,[a-z_]+)*)$/;
/** Params that hold a duration as configured (`3 days`, `36h`), said in words. */
const DURATION_PARAMS = ['lead'] as const;
/** Params a sender may give in both languages (`moduleKm`, `moduleEn`), the recipient's picked. */
const BILINGUAL_PARAMS = ['module', 'place', 'cboName', 'roundName'] as const;

const DURATION_UNITS: ReadonlyArray<[RegExp, DurationUnit]> = [
  [/^(seconds?|secs?|s)$/, 'second'],
  [/^(minutes?|mins?|m)$/, 'minute'],
  [/^(hours?|hrs?|h)$/, 'hour'],
  [/^(days?|d)$/, 'day'],
  [/^(weeks?|w)$/, 'week'],
];

function format(source: string, locale: NotificationLocale, params: NotificationParams): string {
  return String(new IntlMessageFormat(source, INTL_LOCALES[locale]).format(params));
}

/** An instant as the recipient reads it: "Thursday, 10 December 2026 at 09:05" (Khmer digits in Khmer). */
export function localDateTime(iso: string, locale: NotificationLocale): string | undefined {
  const at = /^\d{4}-\d{2}-\d{2}T/.test(iso) ? new Date(iso) : undefined;
  if (!at || Number.isNaN(at.getTime())) return undefined;
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: NOTIFICATION_TIME_ZONE,
  }).format(at);
}

/** Money in minor units as the recipient reads it ("US$1,250.00"; Khmer digits in Khmer). */
export function money(minor: number, currency: string, locale: NotificationLocale): string {
  return new Intl.NumberFormat(INTL_LOCALES[locale], { style: 'currency', currency }).format(minor / 100);
}

/** The automatic rules of a `rules:…` reason, each in its words; undefined if one has none. */
function rulesWords(value: string, locale: NotificationLocale): string | undefined {
  const match = GRANT_RULES_REASON.exec(value);
  if (!match) return undefined;
  const { reasons } = CATALOGS[locale];
  const words = match[1].split(',').map((rule) => reasons[`grant_rule:${rule}`]);
  return words.every(Boolean) ? words.join(' ') : undefined;
}

/** A duration such as `3 days` or `36h` in words ("3 days", "៣ ថ្ងៃ"); undefined for anything else. */
function durationWords(value: string, locale: NotificationLocale): string | undefined {
  const match = /^(\d+) *([a-z]+)$/i.exec(value.trim());
  const unit = match && DURATION_UNITS.find(([name]) => name.test(match[2].toLowerCase()))?.[1];
  if (!match || !unit) return undefined;
  return format(CATALOGS[locale].durations[unit], locale, { n: Number(match[1]) });
}

/**
 * The values as the templates take them: a code in its words, an instant as a local date and
 * time, a duration in words, the recipient's language of a value given in both. A value that
 * cannot be read so is refused (a caller's mistake).
 */
function valuesFor(
  kind: NotificationKind,
  locale: NotificationLocale,
  params: NotificationParams,
): NotificationParams {
  const { reasons } = CATALOGS[locale];
  const values: NotificationParams = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'string' && Object.hasOwn(reasons, value)
        ? reasons[value]
        : typeof value === 'string' && GRANT_RULES_REASON.test(value)
          ? (rulesWords(value, locale) ?? value)
          : value,
    ]),
  );
  const suffix = locale === 'km' ? 'Km' : 'En';
  for (const name of BILINGUAL_PARAMS) {
    const own = values[`${name}${suffix}`];
    if (values[name] === undefined && own !== undefined) values[name] = own;
  }
  for (const name of INSTANT_PARAMS) {
    const value = values[name];
    if (value === undefined) continue;
    const said = typeof value === 'string' ? localDateTime(value, locale) : undefined;
    if (!said) throw badTemplateParams(kind, `${name} must be an ISO 8601 date and time`);
    values[name] = said;
  }
  const currency = values.currency ?? 'USD';
  for (const name of MONEY_PARAMS) {
    const value = values[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw badTemplateParams(kind, `${name} must be a whole number of minor units (cents)`);
    }
    if (typeof currency !== 'string' || !(CURRENCIES as readonly string[]).includes(currency)) {
      throw badTemplateParams(kind, `currency must be one of ${CURRENCIES.join(', ')}`);
    }
    values[name] = money(value, currency, locale);
  }
  for (const name of DURATION_PARAMS) {
    const value = values[name];
    if (value === undefined) continue;
    const said = typeof value === 'string' ? durationWords(value, locale) : undefined;
    if (!said) throw badTemplateParams(kind, `${name} must be a duration such as "3 days"`);
    values[name] = said;
  }
  return values;
}

/**
 * The message of `kind` in `locale`, with the template's placeholders filled from `params`
 * (read as {@link valuesFor} says); a placeholder without a value is refused (a caller's
 * mistake, which no retry changes).
 */
export function renderNotification(
  kind: NotificationKind,
  locale: NotificationLocale,
  params: NotificationParams,
): RenderedMessage {
  const template = CATALOGS[locale].templates[kind];
  const values = valuesFor(kind, locale, params);
  try {
    return { subject: format(template.subject, locale, values), text: format(template.body, locale, values) };
  } catch (error) {
    throw badTemplateParams(kind, error instanceof Error ? error.message : String(error));
  }
}
