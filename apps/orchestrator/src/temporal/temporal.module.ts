import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { OrchestratorConfig } from '../config/env';
import { NotificationsModule } from '../notifications/notifications.module';
import { TasksModule } from '../tasks/tasks.module';
import { TEMPORAL_CONNECTION } from './tokens';
import { WorkerService } from './worker.service';

class ConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/** The Temporal client that starts and asks workflows, and the worker that runs them. */
@Global()
@Module({})
export class TemporalModule {
  static forRoot(config: OrchestratorConfig): DynamicModule {
    return {
      module: TemporalModule,
      // The worker's activities open and close the inbox's tasks, and send the notifications.
      imports: [TasksModule, NotificationsModule],
      providers: [
        {
          provide: TEMPORAL_CONNECTION,
          useFactory: () =>
            Connection.connect({ address: config.TEMPORAL_ADDRESS }).catch((error: Error) => {
              throw new Error(`Cannot reach Temporal at ${config.TEMPORAL_ADDRESS}: ${error.message}`);
            }),
        },
        {
          provide: Client,
          useFactory: (connection: Connection) =>
            new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
          inject: [TEMPORAL_CONNECTION],
        },
        ConnectionCloser,
        WorkerService,
      ],
      exports: [TEMPORAL_CONNECTION, Client, WorkerService],
    };
  }
}
