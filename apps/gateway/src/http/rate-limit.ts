import fastifyRateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import type { NatsConnection } from 'nats';
import { DomainError } from '@bandanh/platform';
import type { GatewayConfig } from '../config/env';
import { limitKeyOf } from './client-address';
import { KvRateLimitCounter, kvRateLimitStore } from './rate-limit-store';
import { RATE_LIMIT_CONFIG, type RateLimitKind } from './route';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by `Endpoint` from the route table's `rateLimit`. */
    [RATE_LIMIT_CONFIG]?: RateLimitKind;
  }
}

/** How long between two "the limiter cannot count" lines, however many requests fail. */
const FAILURE_LOG_EVERY_MS = 10_000;

/**
 * Per-address limits on the routes whose definition has a `rateLimit`, counted in the
 * `<NATS_PREFIX>_ratelimit` JetStream bucket that every gateway replica shares. A client over
 * the limit gets 429 `{ code: 'RATE_LIMITED', message, details: { retryAfterSeconds } }` with a
 * Retry-After header, before its body is read. Must run before the routes are mounted (before
 * `listen`), after `trackClientAddresses`.
 */
export async function registerRateLimits(
  fastify: FastifyInstance,
  config: GatewayConfig,
  nats: NatsConnection,
): Promise<void> {
  const logger = new Logger('RateLimit');
  const limits: Record<RateLimitKind, RateLimitOptions> = {
    publicWrite: { max: config.PUBLIC_WRITE_LIMIT, timeWindow: config.PUBLIC_WRITE_WINDOW },
  };
  const counter = new KvRateLimitCounter(
    nats,
    `${config.NATS_PREFIX}_ratelimit`,
    Math.max(...Object.values(limits).map((limit) => Number(limit.timeWindow))),
  );
  let lastFailureLog = 0;
  let failuresSinceLog = 0;
  const onFailure = (error: unknown) => {
    failuresSinceLog += 1;
    if (Date.now() - lastFailureLog < FAILURE_LOG_EVERY_MS) return;
    logger.warn(
      { err: error, failures: failuresSinceLog },
      'The rate limiter cannot reach its JetStream bucket: requests go through uncounted',
    );
    lastFailureLog = Date.now();
    failuresSinceLog = 0;
  };

  // The route table's flag becomes the plugin's route config; this hook runs before the plugin's.
  fastify.addHook('onRoute', (route) => {
    const kind = route.config?.[RATE_LIMIT_CONFIG];
    if (kind) route.config = { ...route.config, rateLimit: limits[kind] };
  });

  await fastify.register(fastifyRateLimit, {
    global: false,
    hook: 'onRequest',
    store: kvRateLimitStore(counter, onFailure),
    // Fail open: a store that cannot count lets the request through (onFailure logs it).
    skipOnError: true,
    keyGenerator: (request) => limitKeyOf(request.clientAddress || request.ip),
    errorResponseBuilder: (_request, context) => {
      const retryAfterSeconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new DomainError(
        'RATE_LIMITED',
        `Too many requests from your address; try again in ${retryAfterSeconds} seconds`,
        { retryAfterSeconds },
      );
    },
  });

  // The bucket is made now, so a first request does not pay for it; if NATS is away it is made later.
  const kv = await counter.open().catch((error: unknown) => onFailure(error));
  const status = kv ? await kv.status().catch(() => undefined) : undefined;
  if (status && status.ttl < counter.windowMs) {
    // An existing bucket keeps the TTL it was made with: a key could vanish before its window ends.
    logger.warn(
      { bucket: counter.bucketName, ttlMs: status.ttl, windowMs: counter.windowMs },
      'The rate-limit bucket forgets keys sooner than the window: delete it to have it made again',
    );
  }
}
