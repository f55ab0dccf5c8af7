import {
  HttpCode,
  RequestMethod,
  RequestMapping,
  SetMetadata,
  UseInterceptors,
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { toFieldIssues, type FieldIssue } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { RATE_LIMIT_CONFIG, ROUTE_METADATA, type RouteDef, type RouteInput } from './route-def';

export * from './route-def';

/**
 * Mounts a controller method on its route: a create command (`idempotent`) with the
 * Idempotency-Key interceptor, every other route with none (Nest then calls the method
 * directly, without an interceptor chain).
 */
export function Endpoint(route: RouteDef) {
  return applyDecorators(
    RequestMapping({ path: route.path, method: RequestMethod[route.method] }),
    HttpCode(route.status),
    SetMetadata(ROUTE_METADATA, route),
    ...(route.idempotent ? [UseInterceptors(IdempotencyInterceptor)] : []),
    ...(route.rateLimit ? [RouteConfig({ [RATE_LIMIT_CONFIG]: route.rateLimit })] : []),
  );
}

const PARTS = [
  ['params', 'path'],
  ['query', 'query'],
  ['headers', 'header'],
  ['body', 'body'],
] as const;

/** Parses every part of a request with its route's schemas; all problems are reported at once. */
export function parseInput<R extends RouteDef>(
  route: R,
  request: Pick<FastifyRequest, 'params' | 'query' | 'headers' | 'body'>,
): RouteInput<R> {
  const input: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const [part, location] of PARTS) {
    const schema = route[part];
    if (!schema) continue;
    const result = schema.safeParse(request[part] ?? (part === 'body' ? undefined : {}));
    if (result.success) input[part] = result.data;
    else issues.push(...toFieldIssues(result.error).map((issue) => ({ ...issue, in: location })));
  }
  if (issues.length > 0) throw DomainError.invalid(issues);
  return input as unknown as RouteInput<R>;
}

/** The validated input of the route the controller method is mounted on. */
export const Input = createParamDecorator((route: RouteDef, context: ExecutionContext) =>
  parseInput(route, context.switchToHttp().getRequest<FastifyRequest>()),
);
