import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { NativeConnection, Worker, type State } from '@temporalio/worker';
import { NatsRpc } from '@bandanh/platform';
import type { OrchestratorConfig } from '../config/env';
import { Mailer } from '../notifications/notifications.mailer';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { TasksService } from '../tasks/tasks.service';
import { createActivities } from './activities';
import { installTemporalRuntime } from './runtime';
import { ORCHESTRATOR_CONFIG } from '../config/config.module';

/** Runs the Temporal worker for Bandanh's workflows inside the orchestrator process. */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerService.name);
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;

  constructor(
    @Inject(ORCHESTRATOR_CONFIG) private readonly config: OrchestratorConfig,
    private readonly rpc: NatsRpc,
    private readonly tasks: TasksService,
    private readonly notifications: NotificationsService,
    private readonly notificationLog: NotificationsRepository,
    private readonly mailer: Mailer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    installTemporalRuntime(this.config.LOG_LEVEL);
    this.connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      ...(this.config.TEMPORAL_WORKFLOW_BUNDLE
        ? { workflowBundle: { codePath: this.config.TEMPORAL_WORKFLOW_BUNDLE } }
        : { workflowsPath: require.resolve('@bandanh/workflows/workflows') }),
      activities: createActivities({
        rpc: this.rpc,
        tasks: this.tasks,
        notifications: this.notifications,
        notificationLog: this.notificationLog,
        mailer: this.mailer,
        webUrl: this.config.WEB_URL,
      }),
    });
    this.running = this.worker.run().catch((error: unknown) => {
      this.logger.error({ err: error }, 'The Temporal worker stopped with an error');
      process.exitCode = 1;
    });
    this.logger.log(`Temporal worker polling ${this.config.TEMPORAL_TASK_QUEUE}`);
  }

  state(): State | 'NOT_STARTED' {
    return this.worker?.getState() ?? 'NOT_STARTED';
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
  }
}
