import 'reflect-metadata';
import type { INestApplication, INestMicroservice } from '@nestjs/common';
import { createTestDatabase, uniqueName, type TestDatabase } from '@bandanh/platform/testing';
import { migrateNetwork, startNetworkService } from '../../network/src/app';
import { loadNetworkConfig } from '../../network/src/config/env';
import { startOrchestrator } from '../../orchestrator/src/app';
import { loadOrchestratorConfig } from '../../orchestrator/src/config/env';
import { startGateway } from '../src/app';
import { loadGatewayConfig } from '../src/config/env';

/**
 * The whole back end for one test file: its own database, NATS prefix and Temporal task
 * queue, on the real PostgreSQL, NATS and Temporal. `restart()` stops every process and
 * starts new ones on the same data.
 */
export class TestStack {
  gatewayUrl = '';
  private apps: Array<INestApplication | INestMicroservice> = [];

  private constructor(
    readonly database: TestDatabase,
    private readonly env: Record<string, string>,
  ) {}

  static async start(label: string): Promise<TestStack> {
    const database = await createTestDatabase(label);
    await migrateNetwork(database.url);
    const stack = new TestStack(database, {
      DATABASE_URL: database.url,
      NATS_PREFIX: uniqueName(label),
      TEMPORAL_TASK_QUEUE: uniqueName(label),
      LOG_LEVEL: 'error',
      GATEWAY_PORT: '0',
      NATS_TIMEOUT_MS: '5000',
    });
    await stack.startProcesses();
    return stack;
  }

  private async startProcesses(): Promise<void> {
    const network = await startNetworkService(loadNetworkConfig(this.env));
    const orchestrator = await startOrchestrator(loadOrchestratorConfig(this.env));
    const gateway = await startGateway(loadGatewayConfig(this.env));
    this.apps = [gateway, orchestrator, network];
    const address = gateway.getHttpServer().address();
    if (!address || typeof address === 'string') throw new Error('The gateway has no TCP address');
    this.gatewayUrl = `http://127.0.0.1:${address.port}`;
  }

  async stopNetworkService(): Promise<void> {
    await this.apps[2]?.close();
  }

  async restart(): Promise<void> {
    await this.stopProcesses();
    await this.startProcesses();
  }

  private async stopProcesses(): Promise<void> {
    for (const app of this.apps) await app.close().catch(() => undefined);
    this.apps = [];
  }

  async stop(): Promise<void> {
    await this.stopProcesses();
    await this.database.drop();
  }
}
