import { randomInt } from 'node:crypto';

/** Letters and digits without look-alikes (no I, L, O, U), as GRANT_REFERENCE has them. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new application reference, `GRT-` and eight random letters and digits. */
export function generateReference(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `GRT-${code}`;
}
