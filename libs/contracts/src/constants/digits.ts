const KHMER_DIGITS = '០១២៣៤៥៦៧៨៩';

/** Khmer digits as Latin ones: a phone's Khmer keyboard types ០១២ for 012. */
export function latinDigits(text: string): string {
  return text.replace(/[០-៩]/g, (digit) => String(KHMER_DIGITS.indexOf(digit)));
}

/** A form value with its Khmer digits read as Latin ones; anything but text as it is. */
export const withLatinDigits = (value: unknown): unknown =>
  typeof value === 'string' ? latinDigits(value) : value;
