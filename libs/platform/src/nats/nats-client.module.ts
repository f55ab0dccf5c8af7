import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';
import type { ServiceName } from '@bandanh/contracts';
import { signerFor } from '../auth/caller-token';
import type { BaseConfig } from '../config/load-config';
import { NatsRpc } from './nats-rpc';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

/**
 * How a service reaches NATS: where and as which user. Without async traces: the client would
 * otherwise make two Errors (their stacks) for every request, in case it fails; NatsRpc turns a
 * failure into a DomainError that names the subject instead.
 */
export function natsConnectionOptions(service: string, config: BaseConfig) {
  return {
    servers: config.NATS_URL,
    name: service,
    noAsyncTraces: true,
    ...(config.NATS_USER ? { user: config.NATS_USER, pass: config.NATS_PASSWORD } : {}),
  };
}

class NatsConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.connection.isClosed()) await this.connection.drain();
  }
}

/** One NATS connection per process, and the typed client over it. */
@Global()
@Module({})
export class NatsClientModule {
  /** `service` signs every caller this process sends with its key from `config`. */
  static forRoot(service: ServiceName, config: BaseConfig): DynamicModule {
    return {
      module: NatsClientModule,
      providers: [
        {
          provide: NATS_CONNECTION,
          useFactory: () => connect({ ...natsConnectionOptions(service, config), maxReconnectAttempts: -1 }),
        },
        {
          provide: NatsRpc,
          useFactory: async (connection: NatsConnection) =>
            new NatsRpc(
              connection,
              config.NATS_PREFIX,
              config.NATS_TIMEOUT_MS,
              await signerFor(service, config),
            ),
          inject: [NATS_CONNECTION],
        },
        NatsConnectionCloser,
      ],
      exports: [NATS_CONNECTION, NatsRpc],
    };
  }
}
