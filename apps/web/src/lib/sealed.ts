import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * The web's key for short-lived sealed values. Set WEB_SECRET (the same on every instance) in
 * production; without it each process makes its own, so a sealed value does not survive a restart.
 */
const KEY = process.env.WEB_SECRET
  ? createHash('sha256').update(process.env.WEB_SECRET).digest()
  : randomBytes(32);

/**
 * Seals a value (AES-256-GCM) until `ttlMs` from now, so it can ride in a form's hidden field
 * without the browser being able to read or change it.
 */
export function seal(value: unknown, ttlMs: number, now = Date.now(), key = KEY): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([
    cipher.update(JSON.stringify({ v: value, x: now + ttlMs }), 'utf8'),
    cipher.final(),
  ]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The sealed value, or undefined when it was changed, sealed with another key, or has expired. */
export function unseal(sealed: unknown, now = Date.now(), key = KEY): unknown {
  if (typeof sealed !== 'string' || sealed.length > 4_000) return undefined;
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const { v, x } = JSON.parse(json) as { v: unknown; x: number };
    return typeof x === 'number' && now <= x ? v : undefined;
  } catch {
    return undefined;
  }
}
