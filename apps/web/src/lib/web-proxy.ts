import 'server-only';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { headers } from 'next/headers';
import { trustedProxiesFrom, visitorAddress } from './visitor-address';

/** The headers the gateway reads (apps/gateway/src/http/client-address.ts names them too). */
export const WEB_KEY_HEADER = 'x-bandanh-web-key';
export const CLIENT_ADDRESS_HEADER = 'x-bandanh-client-address';

/** The folder of the local default keys: CALLER_KEYS_DIR, else .data/keys at the repository's root. */
function keysDir(): string | undefined {
  if (process.env.CALLER_KEYS_DIR) return process.env.CALLER_KEYS_DIR;
  for (let dir = resolve(/*turbopackIgnore: true*/ process.cwd()); ; dir = dirname(dir)) {
    if (existsSync(/*turbopackIgnore: true*/ join(dir, 'pnpm-workspace.yaml')))
      return join(dir, '.data', 'keys');
    if (dirname(dir) === dir) return undefined;
  }
}

let known: string | undefined;

/**
 * The secret the web proves itself with to the gateway: WEB_PROXY_SECRET, else the file
 * web-proxy.secret that `pnpm keys:generate` writes (as the gateway reads it,
 * readWebProxySecret in libs/platform). Server-side only; kept once found.
 */
function webProxySecret(): string | undefined {
  if (known) return known;
  const inline = process.env.WEB_PROXY_SECRET?.trim();
  if (inline) return (known = inline);
  const dir = keysDir();
  const path = dir && join(dir, 'web-proxy.secret');
  // Read at run time only: the build must neither trace the project nor copy the secret.
  known =
    (path &&
      existsSync(/*turbopackIgnore: true*/ path) &&
      readFileSync(/*turbopackIgnore: true*/ path, 'utf8').trim()) ||
    undefined;
  return known;
}

/**
 * The visitor's address for the gateway's per-address limits, with the secret that makes the
 * gateway believe it; nothing when either is missing (the gateway then counts the web's own
 * address). Reads the request's headers, so only in a server action or a dynamic render.
 */
export async function visitorHeaders(): Promise<Record<string, string>> {
  const secret = webProxySecret();
  if (!secret) return {};
  const address = visitorAddress(
    (await headers()).get('x-forwarded-for'),
    trustedProxiesFrom(process.env.WEB_TRUSTED_PROXIES),
  );
  return address ? { [WEB_KEY_HEADER]: secret, [CLIENT_ADDRESS_HEADER]: address } : {};
}
