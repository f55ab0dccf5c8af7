/**
 * Money as the grant console types and shows it: the admin writes an amount with up to two
 * decimals ("1,250.50", Khmer digits too), the API takes whole minor units (cents, sen). The
 * conversion reads the text as digits, never through a floating-point number.
 */

import { latinDigits } from '@bandanh/contracts/constants';
import { numberingSystemOf } from '@/components/notifications/numerals';

// One reading of Khmer digits for the whole app (the contracts' schemas read them so too).
export { latinDigits };

const AMOUNT = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * The minor units of a typed amount: `"1,250.5"` is 125050. Blank, negative, more than two
 * decimals or anything that is not a number gives undefined (the form says what is wrong).
 */
export function toMinor(text: string): number | undefined {
  const cleaned = latinDigits(text.trim())
    .replace(/[,\s\u00a0]/g, '')
    .replace(/^[$៛]/, '');
  const match = AMOUNT.exec(cleaned);
  if (!match) return undefined;
  const whole = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  const minor = whole * 100 + cents;
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/** The amount typed back into a field: 125050 is `"1250.50"` (no separators, two decimals). */
export function fromMinor(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const value = Math.abs(Math.trunc(minor));
  return `${sign}${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * An amount in minor units as money, in the reader's digits, the same on the server and in the
 * browser: `$1,250.50` and `$១,២៥០.៥០`, riel as `5,000៛` and `៥,០០០៛`. The separators and the
 * sign's place are ours, not the runtime's: Node's and Chromium's locale data give Khmer two
 * different patterns, so one page would show an amount two ways.
 */
export function formatMoney(locale: string, minor: number, currency: string): string {
  const numberingSystem = numberingSystemOf(locale);
  // Riel are shown whole unless the amount has sen.
  const fraction = currency === 'KHR' && minor % 100 === 0 ? 0 : 2;
  const key = `${numberingSystem}:${fraction}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', {
      numberingSystem,
      minimumFractionDigits: fraction,
      maximumFractionDigits: 2,
    });
    formatters.set(key, formatter);
  }
  // Only for display: whole cents divided by 100 are exact to two decimals at these sizes.
  const amount = formatter.format(minor / 100);
  if (currency === 'USD') return amount.startsWith('-') ? `-$${amount.slice(1)}` : `$${amount}`;
  if (currency === 'KHR') return `${amount}៛`;
  return `${amount} ${currency}`;
}
