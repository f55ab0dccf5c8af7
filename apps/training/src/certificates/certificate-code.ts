import { randomBytes } from 'node:crypto';

/**
 * Certificate verification codes, as the web's PDF engine reads them
 * (apps/web/src/lib/pdf/verification-code.ts): 'CRT-' and ten characters of Crockford's base32
 * (50 random bits). `normaliseCertificateCode` in the contracts reads a typed one back.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 10;

/** A new code, e.g. 'CRT-7M2KQ9XD4T'. */
export function generateCertificateCode(random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random(LENGTH);
  let code = '';
  // 32 divides 256: a byte modulo 32 is uniform.
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[bytes[i] % 32];
  return `CRT-${code}`;
}
