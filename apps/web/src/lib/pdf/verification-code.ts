/**
 * Certificate verification codes: 'CRT-' and ten characters of Crockford's base32 (50 random
 * bits), printed on the certificate and typed back by whoever checks it. Typed codes are read
 * leniently, as Crockford's alphabet intends: any case, spaces and hyphens ignored, O read as 0,
 * I and L as 1. U is not in the alphabet.
 */
import { randomBytes } from 'node:crypto';

export const CERTIFICATE_CODE_PREFIX = 'CRT-';
const PREFIX = 'CRT';
const LENGTH = 10;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const READ_AS: Record<string, string> = { O: '0', I: '1', L: '1' };

/** A new code, e.g. 'CRT-7M2KQ9XD4T'. */
export function generateCertificateCode(random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random(LENGTH);
  let code = '';
  // 32 divides 256: a byte modulo 32 is uniform.
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[bytes[i] % 32];
  return CERTIFICATE_CODE_PREFIX + code;
}

/**
 * A typed code as it is stored ('CRT-' and ten characters), or null when it cannot be one. The
 * prefix may be left out.
 */
export function normaliseCertificateCode(typed: string): string | null {
  let compact = typed.toUpperCase().replace(/[\s\-\u2010-\u2015]/gu, '');
  if (compact.length === PREFIX.length + LENGTH && compact.startsWith(PREFIX)) {
    compact = compact.slice(PREFIX.length);
  }
  if (compact.length !== LENGTH) return null;
  let code = '';
  for (const char of compact) {
    const read = READ_AS[char] ?? char;
    if (!ALPHABET.includes(read)) return null;
    code += read;
  }
  return CERTIFICATE_CODE_PREFIX + code;
}

/** The public page where a certificate is checked: `<webUrl>/<locale>/certificates/<code>`. */
export function certificateUrl(webUrl: string, locale: 'km' | 'en', code: string): string {
  return `${webUrl.replace(/\/+$/u, '')}/${locale}/certificates/${encodeURIComponent(code)}`;
}
