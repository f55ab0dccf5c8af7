import type { INestMicroservice } from '@nestjs/common';
import { createNatsMicroservice } from '@bandanh/platform';
import { AppModule } from './app.module';
import type { TrainingConfig } from './config/env';

export { migrateTraining } from './db/migrate';

/** The training service, listening on NATS. */
export async function startTrainingService(config: TrainingConfig): Promise<INestMicroservice> {
  const app = await createNatsMicroservice('training', AppModule.forRoot(config), config);
  await app.listen();
  return app;
}
