import 'server-only';
import { headers } from 'next/headers';

/**
 * The web's address as people reach it, for addresses that leave the page (a certificate's QR
 * code, a trainer's calendar feed): WEB_URL when set (as the services have it for the links in
 * emails), else the address the request came to (its Host header; Next's own URL names the
 * server `localhost`, whatever the reader typed).
 */
export function webUrlFrom(
  host: string | null,
  protocol = 'http:',
  fallback = 'http://localhost:3000',
): string {
  const configured = process.env.WEB_URL?.trim().replace(/\/+$/, '');
  if (configured) return configured;
  return host ? `${protocol}//${host}` : fallback;
}

/** The web's address for the request being rendered (a page or a server action). */
export async function webUrl(): Promise<string> {
  const all = await headers();
  const protocol = all.get('x-forwarded-proto') === 'https' ? 'https:' : 'http:';
  return webUrlFrom(all.get('x-forwarded-host') ?? all.get('host'), protocol);
}
