import { Res, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caller, ResolvedSession } from '@bandanh/contracts';
import { ANONYMOUS } from '@bandanh/platform';
import { ROUTE_METADATA, parseInput, type RouteDef, type RouteInput } from './route';

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
    session?: ResolvedSession;
    sessionToken?: string;
  }
}

/*
 * What a controller method needs from HTTP, so that it only calls and maps: every method is
 * mounted with `@Endpoint(route)`, takes `@Call()` and passes it on to one service method (a
 * NATS contract through `NatsRpc`, or the feature's gateway service where a route stitches
 * several together).
 */

/** A route's call: its validated input, and who is asking. */
export type Call<R extends RouteDef> = RouteInput<R> & { caller: Caller };

/**
 * The call of the route the method is mounted on: each part parsed with the route's schemas (all
 * problems at once, as a 400), and the caller as the auth guard resolved it.
 */
export const Call = createParamDecorator((_: unknown, context: ExecutionContext): Call<RouteDef> => {
  const route = Reflect.getMetadata(ROUTE_METADATA, context.getHandler()) as RouteDef;
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return { ...parseInput(route, request), caller: request.caller ?? ANONYMOUS };
});

/** The session the request carries, and its token (only on routes that need one). */
export const CurrentSession = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return { session: request.session, token: request.sessionToken };
});

/** The reply, for a method that sets a status or a cookie; what the method returns is still the body. */
export const Reply = () => Res({ passthrough: true });

/** A create command answers 201 the first time, and 200 to a retry with the same idempotency key. */
export async function created<T extends { created: boolean }>(
  reply: FastifyReply,
  answer: Promise<T>,
): Promise<T> {
  const result = await answer;
  if (!result.created) void reply.status(200);
  return result;
}
