// Money as the member types it and as the API keeps it: a string of dollars (or riel) with at
// most two decimals, turned into whole minor units (cents, sen) without ever going through a
// floating-point number, and back.

/** The largest amount the API takes, in minor units (MinorAmount in the contracts). */
export const MAX_MINOR = 1_000_000_000_000;

import { latinDigits } from '@bandanh/contracts/constants';

export { latinDigits };

/**
 * A typed amount in minor units: `12`, `12.5`, `12.50`, `1,250.00`, `$ 12`, `១២.៥០`, `12៛`.
 * Empty is null; a number above what the API takes is 'tooLarge'; anything else (three
 * decimals, letters, a minus sign) is 'invalid'.
 */
export function parseMoney(input: string): number | null | 'invalid' | 'tooLarge' {
  const text = latinDigits(input)
    .replace(/[\s\u00a0$៛,]/g, '')
    .replace(/(USD|KHR)$/i, '');
  if (text === '') return null;
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) return 'invalid';
  const whole = match[1].replace(/^0+(?=\d)/, '');
  if (whole.length > 13) return 'tooLarge';
  const cents = (match[2] ?? '').padEnd(2, '0');
  const minor = Number(`${whole}${cents}`);
  return minor <= MAX_MINOR ? minor : 'tooLarge';
}

/** Minor units as the form shows them to edit: `1250` is `12.50`, `1200` is `12`. */
export function moneyInput(minor: number | null | undefined): string {
  if (minor === null || minor === undefined) return '';
  const whole = Math.trunc(minor / 100);
  const cents = minor % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`;
}

/** A whole count as typed (`12`, `១២`); empty is null; anything else 'invalid'. */
export function parseCount(input: string): number | null | 'invalid' {
  const text = latinDigits(input).replace(/[\s,]/g, '');
  if (text === '') return null;
  if (!/^\d{1,9}$/.test(text)) return 'invalid';
  return Number(text);
}
