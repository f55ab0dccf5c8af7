import { Controller, Inject } from '@nestjs/common';
import type { Connection } from '@temporalio/client';
import { orchestratorHealth } from '@bandanh/contracts';
import { Handles, overallStatus, timedCheck } from '@bandanh/platform';
import { TEMPORAL_CONNECTION } from '../temporal/tokens';
import { WorkerService } from '../temporal/worker.service';

@Controller()
export class HealthHandlers {
  constructor(
    @Inject(TEMPORAL_CONNECTION) private readonly connection: Connection,
    private readonly worker: WorkerService,
  ) {}

  @Handles(orchestratorHealth)
  async check() {
    const workerState = this.worker.state();
    const checks = {
      temporal: await timedCheck(() => this.connection.workflowService.getSystemInfo({})),
      worker:
        workerState === 'RUNNING'
          ? { status: 'up' as const }
          : { status: 'down' as const, error: `worker is ${workerState}` },
    };
    return { service: 'orchestrator', status: overallStatus(checks), checks };
  }
}
