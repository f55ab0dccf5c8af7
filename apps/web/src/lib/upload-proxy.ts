import 'server-only';
import { sessionToken } from './session';
import { visitorHeaders } from './web-proxy';

const GATEWAY_URL = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3001';

/** Where the web answers the tus protocol; the gateway's own path is the same. */
export const UPLOADS_PATH = '/api/uploads';

/** The request headers of the tus protocol the gateway needs (and the body's type and length). */
const REQUEST_HEADERS = [
  'tus-resumable',
  'upload-length',
  'upload-offset',
  'upload-metadata',
  'upload-defer-length',
  'upload-concat',
  'content-type',
  'content-length',
  'x-http-method-override',
];

/** The answer's headers the browser's tus client reads. */
const ANSWER_HEADERS = [
  'tus-resumable',
  'tus-version',
  'tus-extension',
  'tus-max-size',
  'upload-offset',
  'upload-length',
  'upload-metadata',
  'upload-expires',
  'content-type',
  'cache-control',
];

/**
 * Whether a request comes from the web's own pages: the browser says where a write comes from
 * (`Origin`), and a page of another site may not write with the member's session.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return request.method === 'GET' || request.method === 'HEAD';
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The gateway's `Location` for an upload as the web's own path, so the browser keeps talking to the web. */
export function webLocation(location: string): string {
  const path = new URL(location, GATEWAY_URL).pathname;
  const at = path.indexOf(UPLOADS_PATH);
  return at >= 0 ? path.slice(at) : `${UPLOADS_PATH}/${path.split('/').pop() ?? ''}`;
}

/**
 * Sends one tus request on to the gateway as the signed-in member (their session's token as a
 * bearer token; the browser never sees it), the body streamed, and answers the gateway's reply.
 */
export async function forwardUpload(
  request: Request,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: BodyInit | null } = {},
): Promise<Response> {
  if (!sameOrigin(request)) return new Response('Cross-site upload refused', { status: 403 });
  const token = await sessionToken();
  if (!token) return Response.json({ code: 'UNAUTHENTICATED', message: 'Sign in first' }, { status: 401 });
  const headers: Record<string, string> = {};
  for (const name of REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  // The gateway names the upload's Location under the prefix it was reached through: the web's.
  Object.assign(headers, init.headers ?? {}, await visitorHeaders(), {
    authorization: `Bearer ${token}`,
    'x-forwarded-prefix': UPLOADS_PATH,
  });
  const method = init.method ?? request.method;
  const body =
    init.body !== undefined ? init.body : method === 'GET' || method === 'HEAD' ? null : request.body;
  let answer: Response;
  try {
    answer = await fetch(`${GATEWAY_URL}${UPLOADS_PATH}${path}`, {
      method,
      headers,
      body,
      // A body stream goes on as it arrives (Node's fetch needs to be told).
      ...(body ? { duplex: 'half' } : {}),
      cache: 'no-store',
      redirect: 'manual',
      signal: request.signal,
    } as RequestInit);
  } catch {
    return Response.json({ code: 'UNAVAILABLE', message: 'The API is not answering' }, { status: 503 });
  }
  const out = new Headers({ 'cache-control': 'no-store' });
  for (const name of ANSWER_HEADERS) {
    const value = answer.headers.get(name);
    if (value !== null) out.set(name, value);
  }
  const location = answer.headers.get('location');
  if (location) out.set('location', webLocation(location));
  const text = method === 'HEAD' ? null : await answer.arrayBuffer();
  return new Response(text && text.byteLength > 0 ? text : null, { status: answer.status, headers: out });
}
