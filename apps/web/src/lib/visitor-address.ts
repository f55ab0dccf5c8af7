import { isIP } from 'node:net';

/** An address as a proxy may write it (`[2001:db8::1]:443`, `203.0.113.7:5060`), bare; else undefined. */
function bare(entry: string): string | undefined {
  const value = entry.trim();
  if (isIP(value)) return value;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed && isIP(bracketed[1]) === 6) return bracketed[1];
  const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(value);
  return withPort && isIP(withPort[1]) === 4 ? withPort[1] : undefined;
}

/**
 * The visitor's address, from the X-Forwarded-For the web's server received.
 *
 * A server action has no socket: Next 16 gives it only the request's headers. Its server sets
 * X-Forwarded-For to the socket's address when the request came without one (and keeps the
 * header a request brings), and each proxy in front of the web appends the address it was
 * reached from. So the entry `trustedProxies` places from the right is the address the
 * outermost of our proxies saw — the leftmost ones are whatever the visitor wrote.
 *
 * With no proxy (`trustedProxies` 0: the web faces visitors itself, as `npm start` runs it) the
 * last entry is the socket's address, unless the visitor sent the header themselves: then it
 * is what they wrote. Behind a proxy, set WEB_TRUSTED_PROXIES to the number of proxies.
 */
export function visitorAddress(
  forwardedFor: string | null | undefined,
  trustedProxies: number,
): string | undefined {
  const entries = (forwardedFor ?? '').split(',').filter((entry) => entry.trim() !== '');
  if (entries.length === 0) return undefined;
  const index = Math.max(0, entries.length - Math.max(1, trustedProxies));
  return bare(entries[index]);
}

/** WEB_TRUSTED_PROXIES: how many proxies in front of the web append to X-Forwarded-For (default 0). */
export function trustedProxiesFrom(value: string | undefined): number {
  const count = Number(value ?? 0);
  return Number.isInteger(count) && count >= 0 ? count : 0;
}
