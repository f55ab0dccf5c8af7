import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Connection } from '@temporalio/client';
import type { NatsConnection } from 'nats';
import postgres, { type Sql } from 'postgres';
import {
  grantsHealth,
  identityHealth,
  networkHealth,
  orchestratorHealth,
  trainingHealth,
  type Check,
  type Health,
} from '@bandanh/contracts';
import { NATS_CONNECTION, NatsRpc, overallStatus, systemCaller, timedCheck } from '@bandanh/platform';
import { GATEWAY_CONFIG } from '../config/tokens';
import type { GatewayConfig } from '../config/env';

const PROBE_TIMEOUT_MS = 2_000;

/** Asks each piece of the system whether it answers, in parallel, each with a deadline. */
@Injectable()
export class HealthService implements OnApplicationShutdown {
  private readonly sql: Sql;
  private readonly temporal: Connection;

  constructor(
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly rpc: NatsRpc,
  ) {
    this.sql = postgres(config.DATABASE_URL, { max: 1, idle_timeout: 30, onnotice: () => {} });
    this.temporal = Connection.lazy({ address: config.TEMPORAL_ADDRESS });
  }

  async check(): Promise<Health> {
    const service = async (contract: typeof networkHealth): Promise<Check> => {
      const started = performance.now();
      try {
        const health = await this.rpc.send(contract, {}, systemCaller('gateway'), {
          timeoutMs: PROBE_TIMEOUT_MS,
        });
        const failing = Object.entries(health.checks).filter(([, c]) => c.status === 'down');
        return health.status === 'up'
          ? { status: 'up', latencyMs: Math.round(performance.now() - started) }
          : { status: 'down', error: failing.map(([name, c]) => `${name}: ${c.error ?? 'down'}`).join('; ') };
      } catch (error) {
        return { status: 'down', error: error instanceof Error ? error.message : String(error) };
      }
    };
    const [postgresCheck, natsCheck, temporalCheck, identity, network, orchestrator, training, grants] =
      await Promise.all([
        timedCheck(() => this.sql`select 1`, PROBE_TIMEOUT_MS),
        timedCheck(() => this.nats.flush(), PROBE_TIMEOUT_MS),
        timedCheck(() => this.temporal.workflowService.getSystemInfo({}), PROBE_TIMEOUT_MS),
        service(identityHealth),
        service(networkHealth),
        service(orchestratorHealth),
        service(trainingHealth),
        service(grantsHealth),
      ]);
    const checks = {
      postgres: postgresCheck,
      nats: natsCheck,
      temporal: temporalCheck,
      identity,
      network,
      orchestrator,
      training,
      grants,
    };
    return { status: overallStatus(checks), checks };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.sql.end({ timeout: 2 }), this.temporal.close()]);
  }
}
