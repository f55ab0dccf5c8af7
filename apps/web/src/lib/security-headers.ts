/** The Content Security Policy of every page. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // Next's own inline scripts still need 'unsafe-inline'; nothing needs eval.
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

/**
 * Headers on every page. Everything is served from this origin (the Khmer font too), nothing may
 * frame the site, and forms may post only here.
 *
 * The built site enforces the policy. `next dev` only reports what it would block: React's
 * development build calls `eval` to rebuild the server's call stacks in the browser, which the
 * policy rightly refuses (and the built site never does); the browser still names any other
 * breach in the console, so a page that needs more than the policy allows shows up in
 * development too.
 */
export function securityHeaders(development: boolean): Array<{ key: string; value: string }> {
  return [
    {
      key: development ? 'Content-Security-Policy-Report-Only' : 'Content-Security-Policy',
      value: CONTENT_SECURITY_POLICY,
    },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'same-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  ];
}
