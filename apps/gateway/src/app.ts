import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { Logger as NestLogger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import type { NatsConnection } from 'nats';
import { NATS_CONNECTION, NatsRpc, readWebProxySecret } from '@bandanh/platform';
import { AppModule } from './app.module';
import type { GatewayConfig } from './config/env';
import { trackClientAddresses } from './http/client-address';
import { HttpErrorFilter } from './http/http-error.filter';
import { registerRateLimits } from './http/rate-limit';
import { ROUTES } from './http/routes';
import { buildOpenApiDocument, setupOpenApi } from './openapi/openapi';
import { UPLOAD_STORAGE, type UploadStorage } from './uploads/upload-storage';
import { mountUploads } from './uploads/uploads.server';

/** The HTTP gateway, listening; port 0 picks a free one (tests read it back). */
export async function startGateway(config: GatewayConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter({ bodyLimit: 1_048_576 }),
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (request, reply, payload, done) => {
      // API answers carry personal data: no caching, no sniffing, no framing, no referrer.
      void reply.header('x-content-type-options', 'nosniff');
      void reply.header('referrer-policy', 'no-referrer');
      void reply.header('x-frame-options', 'DENY');
      if (!request.url.startsWith('/api/docs')) {
        void reply.header('cache-control', 'no-store');
        void reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
      }
      // A hook that calls `done` (not an async one): no promise to wait for on every answer.
      done(null, payload);
    });
  const webSecret = readWebProxySecret(config);
  if (!webSecret) {
    new NestLogger('RateLimit').warn(
      'WEB_PROXY_SECRET is not set and the keys folder has no web-proxy.secret: the web cannot name ' +
        "visitors' addresses, so everyone coming through the web shares one limit",
    );
  }
  // The same instance; Nest's adapter is typed against its own copy of fastify's types.
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  trackClientAddresses(fastify, webSecret);
  await registerRateLimits(fastify, config, app.get<NatsConnection>(NATS_CONNECTION));
  // Attachments by resumable upload (tus), on Fastify itself: tus streams the raw body.
  await mountUploads(fastify, {
    rpc: app.get(NatsRpc),
    storage: app.get<UploadStorage>(UPLOAD_STORAGE),
    config,
  });
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  setupOpenApi(app, buildOpenApiDocument(ROUTES));
  await app.listen(config.GATEWAY_PORT, config.GATEWAY_HOST);
  return app;
}
