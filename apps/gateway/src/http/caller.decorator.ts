import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ANONYMOUS } from '@bandanh/platform';
import type { Caller, ResolvedSession } from '@bandanh/contracts';

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
    session?: ResolvedSession;
    sessionToken?: string;
  }
}

/** Who is asking, as the auth guard resolved it. */
export const CurrentCaller = createParamDecorator(
  (_: unknown, context: ExecutionContext): Caller =>
    context.switchToHttp().getRequest<FastifyRequest>().caller ?? ANONYMOUS,
);

/** The session the request carries (only on routes that need one). */
export const CurrentSession = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return { session: request.session, token: request.sessionToken };
});
