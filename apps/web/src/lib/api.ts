import 'server-only';
import { ErrorBody } from '@bandanh/contracts';
import { ROUTES, type RouteDef, type RouteOutput, type RouteRequest } from '@bandanh/gateway/routes';
import { GatewayError } from './gateway-error';
import { sessionToken } from './session';
import { visitorHeaders } from './web-proxy';

export { ROUTES, GatewayError };
export type { RouteOutput, RouteRequest };

const GATEWAY_URL = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3001';

/** The parts of a request a caller gives (the only header the route table has is the idempotency key). */
type Parts<R extends RouteDef> = Omit<RouteRequest<R>, 'headers'>;

/** A part the route declares whose fields are not all optional. */
type Needed<R extends RouteDef, P extends keyof Parts<R>> = Parts<R>[P] extends undefined
  ? never
  : object extends Parts<R>[P]
    ? never
    : P;

/**
 * The key that makes a create command happen once however often it is sent: required where the
 * route declares the Idempotency-Key header, optional on the other idempotent routes.
 */
type Keyed<R extends RouteDef> = RouteRequest<R>['headers'] extends { 'idempotency-key': string }
  ? { idempotencyKey: string }
  : R extends { idempotent: true }
    ? { idempotencyKey?: string }
    : { idempotencyKey?: undefined };

/**
 * What a call of `route` sends: the parts the route declares (`params`, `query`, `body`), as its
 * schemas take them, and its idempotency key; a part whose fields are all optional may be left out.
 */
export type ApiRequest<R extends RouteDef> = {
  [P in keyof Parts<R> as Needed<R, P>]: Parts<R>[P];
} & {
  [P in keyof Parts<R>]?: Parts<R>[P];
} & Keyed<R>;

type Args<R extends RouteDef> =
  object extends ApiRequest<R> ? [request?: ApiRequest<R>] : [request: ApiRequest<R>];

/** The route's path with its `:name` parameters filled in. */
function pathOf(route: RouteDef, params: Record<string, unknown> = {}): string {
  return route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name])));
}

/** The query string, `?…` or '', of the parts given (left-out ones are not sent). */
function searchOf(query: Record<string, unknown> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * The web's one client of the gateway, server-side only, typed by the gateway's route table:
 * `api(ROUTES.getCbo, { params: { id } })` answers what that route answers on success, parsed by
 * its schema; any other answer throws a `GatewayError` in the one error shape. The session's
 * token goes as a bearer token to every route but the public ones (sign-in and sign-up start a
 * session; the directory and the application form need none).
 */
export async function api<R extends RouteDef>(route: R, ...[request]: Args<R>): Promise<RouteOutput<R>> {
  const { params, query, body, idempotencyKey } = (request ?? {}) as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
    idempotencyKey?: string;
  };
  const token = route.access === 'public' ? undefined : await sessionToken();
  // Writes (and the reads the gateway counts, like an application's status) name the visitor,
  // with the web's secret, for the gateway's per-address limits; other reads do not, so a page
  // that only reads never needs the request's headers.
  const visitor = route.method === 'GET' && !route.rateLimit ? {} : await visitorHeaders();
  let response: Response;
  try {
    response = await fetch(`${GATEWAY_URL}${pathOf(route, params)}${searchOf(query)}`, {
      method: route.method,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        ...visitor,
      },
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new GatewayError(503, { code: 'UNAVAILABLE', message: 'The API is not answering' });
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = ErrorBody.safeParse(json);
    throw new GatewayError(
      response.status,
      error.success ? error.data : { code: 'INTERNAL', message: `The API answered ${response.status}` },
    );
  }
  const schema = route.responses[route.status]?.schema;
  return (schema ? schema.parse(json) : undefined) as RouteOutput<R>;
}
