import { randomToken, sha256 } from '@bandanh/platform';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface IssuedToken {
  /** Handed to the person once; never stored. */
  token: string;
  /** What is stored: a database dump yields no usable token. */
  tokenHash: string;
  expiresAt: Date;
}

/** A secret to hand out (a session, a challenge, an invitation link, a CBO link code). */
export function issueToken(ttlMs: number, make: () => string = randomToken): IssuedToken {
  const token = make();
  return { token, tokenHash: sha256(token), expiresAt: new Date(Date.now() + ttlMs) };
}

/** A single-use secret that is neither spent nor past its end. */
export function isLive(expiresAt: Date, spentAt: Date | null): boolean {
  return spentAt === null && expiresAt > new Date();
}
