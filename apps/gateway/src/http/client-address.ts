import { isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { safeEqual, sha256 } from '@bandanh/platform';

/** The web's proof that it is the web: WEB_PROXY_SECRET (the web sends the same header name). */
export const WEB_KEY_HEADER = 'x-bandanh-web-key';
/** The visitor's address as the web saw it; believed only with a valid WEB_KEY_HEADER. */
export const CLIENT_ADDRESS_HEADER = 'x-bandanh-client-address';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Who is asking, for per-address limits: the visitor's address the web names when it shows
     * the web's secret, else the socket's address.
     */
    clientAddress: string;
  }
}

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value.trim() : undefined);

/**
 * The client's address: the one the web names in CLIENT_ADDRESS_HEADER when it also sends the
 * web's secret (compared in constant time, whatever its length), else the socket's. An address
 * claimed without the secret, or that is not an IP address, is ignored.
 */
export function clientAddressOf(
  headers: FastifyRequest['headers'],
  socketAddress: string,
  webSecret: string | undefined,
): string {
  const key = one(headers[WEB_KEY_HEADER]);
  const claimed = one(headers[CLIENT_ADDRESS_HEADER]);
  const fromWeb = webSecret !== undefined && key !== undefined && safeEqual(sha256(key), sha256(webSecret));
  return fromWeb && claimed && isIP(claimed) ? claimed : socketAddress;
}

/**
 * What one client is counted under: an IPv4 address as it is (an IPv4-mapped IPv6 address as
 * its IPv4 address), an IPv6 address by its /64 — one subscriber's network, inside which an
 * address costs nothing to change.
 */
export function limitKeyOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIP(address) !== 6) return address;
  const groups = ipv6Groups(address);
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing IPv4 part and zone read). */
function ipv6Groups(address: string): number[] {
  let text = address.split('%')[0];
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((group) => parseInt(group, 16));
}

/**
 * Sets `request.clientAddress` on every request, then takes the web's two headers off it: the
 * secret goes no further (not into a log line), and nothing later reads a claimed address.
 */
export function trackClientAddresses(fastify: FastifyInstance, webSecret: string | undefined): void {
  fastify.decorateRequest('clientAddress', '');
  fastify.addHook('onRequest', async (request) => {
    request.clientAddress = clientAddressOf(request.headers, request.ip, webSecret);
    delete request.headers[WEB_KEY_HEADER];
    delete request.headers[CLIENT_ADDRESS_HEADER];
  });
}
