import { z } from 'zod';
import { ErrorBody, IdempotencyKey, type StaffRole } from '@bandanh/contracts';

/*
 * What a route is, with nothing of Nest or Fastify in it: the route table (`routes.ts` and the
 * features' `*.routes.ts`) is built from this alone, so the web's typed client can import the
 * table (`@bandanh/gateway/routes`) without loading the server.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type Access = 'public' | 'signed-in' | ReadonlyArray<StaffRole | 'applicant'>;

export const ROUTE_METADATA = 'bandanh:route';

/**
 * The limits a route is counted against, per client address (see `http/rate-limit.ts`):
 * `publicWrite` for every public route that writes (applications, sign-up, sign-in, invitation
 * acceptance, and every later public form).
 */
export type RateLimitKind = 'publicWrite';

/** The key of the route's Fastify config that names its rate limit (read by `http/rate-limit.ts`). */
export const RATE_LIMIT_CONFIG = 'bandanhRateLimit';

export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
}

/**
 * One HTTP route: how Nest mounts it, how its input is validated, and how the OpenAPI
 * document describes it. Controllers and the document read the same definition.
 */
export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  H extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  S extends number = number,
  Rs extends Record<number, RouteResponse> = Record<number, RouteResponse>,
> {
  method: Method;
  /** Fastify-style path, e.g. `/api/cbos/:id`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /**
   * Who may call it: `public` needs no session; `signed-in` any signed-in person; a list of
   * roles, where `applicant` stands for a signed-in CBO member. Record-level rules are the
   * services' own.
   */
  access: Access;
  /** Usable while the account must still enrol two-factor authentication. */
  duringMfaEnrolment?: boolean;
  /** A create command: an Idempotency-Key header makes a retry return the first answer. */
  idempotent?: boolean;
  /** Counted per client address against these limits; every public route that writes has one. */
  rateLimit?: RateLimitKind;
  params?: P;
  query?: Q;
  headers?: H;
  body?: B;
  /** The status of a plain success. */
  status: S;
  responses: Rs;
}

type Part<S> = NonNullable<S> extends z.ZodType ? z.output<NonNullable<S>> : undefined;

export interface RouteInput<R extends RouteDef> {
  params: Part<R['params']>;
  query: Part<R['query']>;
  headers: Part<R['headers']>;
  body: Part<R['body']>;
}

/**
 * What a route answers on a plain success: the output of the schema its `status` names in
 * `responses` (`undefined` where that answer has no body, e.g. 204). The web's typed client reads it.
 */
export type RouteOutput<R extends RouteDef> = R['responses'][R['status']] extends {
  schema: infer Schema extends z.ZodType;
}
  ? z.output<Schema>
  : undefined;

type Schema<R, Part extends string> = R extends { [K in Part]: infer S extends z.ZodType } ? S : undefined;

/** The parts of a request that a route's schemas read, before parsing (what a client sends). */
export type RouteRequest<R extends RouteDef> = {
  [Part in 'params' | 'query' | 'headers' | 'body']: Schema<R, Part> extends z.ZodType
    ? z.input<Schema<R, Part>>
    : undefined;
};

/** An error answer (`{ code, message, details }`), described. */
export const problem = (description: string) => ({ description, schema: ErrorBody });

/** The answers of every route that needs a session: none, or a role that may not. */
export const DENIED = { 401: problem('Sign in first'), 403: problem('Your role does not allow this') };

/** The answer of a route with a `rateLimit` once its client address has used up the window. */
export const RATE_LIMITED =
  'Too many requests from this address: `details.retryAfterSeconds` (and Retry-After) says when to try again';

/** The header of a create command that a retry may repeat: the retry gets the first answer. */
export const IdempotencyHeader = z.object({ 'idempotency-key': IdempotencyKey });

/**
 * The success answers of a create command that a retry may repeat (`idempotent`, or an
 * `IdempotencyHeader`): 201 the first time, 200 with the first answer to a retry.
 */
export const createdAnswers = <S extends z.ZodType>(
  description: string,
  schema: S,
  retry = 'A retry: the first answer',
) => ({ 201: { description, schema }, 200: { description: retry, schema } });

/** The `:id` of a path, a UUID; `what` names it in the error (`CBO id must be a UUID`). */
export const idParam = (what: string) => z.object({ id: z.uuid({ error: `${what} id must be a UUID` }) });

/** The `:id` of a route under `/api/cbos/:id` (its pipeline steps, its hotline...). */
export const CboId = idParam('CBO');

/** A route as declared: its exact type (which parts it has, its success status) is kept for the clients. */
export function defineRoute<const D extends RouteDef>(route: D): D {
  return route;
}
