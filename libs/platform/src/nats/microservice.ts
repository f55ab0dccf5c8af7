import { NestFactory } from '@nestjs/core';
import type { INestMicroservice } from '@nestjs/common';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { Logger } from 'nestjs-pino';
import type { ServiceName } from '@bandanh/contracts';
import { verifierFrom } from '../auth/caller-token';
import type { BaseConfig } from '../config/load-config';
import { RpcErrorFilter } from '../errors/rpc-exception.filter';
import { natsConnectionOptions } from './nats-client.module';
import { PrefixedNatsServer } from './prefixed-nats.server';

/**
 * A NestJS microservice on NATS, the way every Bandanh service runs: its handlers under the
 * deployment prefix, in a queue group named after the service (replicas share the load),
 * pino for logs, one error shape on the wire, and only callers whose signed identity holds.
 */
export async function createNatsMicroservice(
  service: ServiceName,
  module: unknown,
  config: BaseConfig,
): Promise<INestMicroservice> {
  const verifier = await verifierFrom(config);
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(module as never, {
    strategy: new PrefixedNatsServer(
      config.NATS_PREFIX,
      {
        ...natsConnectionOptions(service, config),
        queue: service,
        gracefulShutdown: true,
        gracePeriod: 2_000,
      },
      verifier,
    ),
    bufferLogs: true,
    // A failed boot throws to the caller (main prints it and exits) instead of exiting here.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new RpcErrorFilter());
  app.enableShutdownHooks();
  return app;
}
