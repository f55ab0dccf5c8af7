import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';
import { NatsRpc } from './nats-rpc';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

export interface NatsClientOptions {
  url: string;
  prefix: string;
  timeoutMs: number;
  /** The connection's name, as the NATS server shows it. */
  name: string;
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
  static forRoot(options: NatsClientOptions): DynamicModule {
    return {
      module: NatsClientModule,
      providers: [
        {
          provide: NATS_CONNECTION,
          useFactory: () => connect({ servers: options.url, name: options.name, maxReconnectAttempts: -1 }),
        },
        {
          provide: NatsRpc,
          useFactory: (connection: NatsConnection) =>
            new NatsRpc(connection, options.prefix, options.timeoutMs),
          inject: [NATS_CONNECTION],
        },
        NatsConnectionCloser,
      ],
      exports: [NATS_CONNECTION, NatsRpc],
    };
  }
}
