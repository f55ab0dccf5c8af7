import type { INestMicroservice } from '@nestjs/common';
import { createNatsMicroservice } from '@bandanh/platform';

export { migrateOrchestrator } from './db/migrate';
import { AppModule } from './app.module';
import type { OrchestratorConfig } from './config/env';

/** The orchestrator: the Temporal worker, and its NATS handlers. */
export async function startOrchestrator(config: OrchestratorConfig): Promise<INestMicroservice> {
  const app = await createNatsMicroservice('orchestrator', AppModule.forRoot(config), config);
  await app.listen();
  return app;
}
