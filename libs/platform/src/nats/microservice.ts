import { NestFactory } from '@nestjs/core';
import type { INestMicroservice } from '@nestjs/common';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { Logger } from 'nestjs-pino';
import type { BaseConfig } from '../config/load-config';
import { RpcErrorFilter } from '../errors/rpc-exception.filter';
import { PrefixedNatsServer } from './prefixed-nats.server';

/**
 * A NestJS microservice on NATS, the way every Bandanh service runs: its handlers under the
 * deployment prefix, in a queue group named after the service (replicas share the load),
 * pino for logs, and one error shape on the wire.
 */
export async function createNatsMicroservice(
  service: string,
  module: unknown,
  config: Pick<BaseConfig, 'NATS_URL' | 'NATS_PREFIX'>,
): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(module as never, {
    strategy: new PrefixedNatsServer(config.NATS_PREFIX, {
      servers: config.NATS_URL,
      queue: service,
      name: service,
      gracefulShutdown: true,
      gracePeriod: 2_000,
    }),
    bufferLogs: true,
    // A failed boot throws to the caller (main prints it and exits) instead of exiting here.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new RpcErrorFilter());
  app.enableShutdownHooks();
  return app;
}
