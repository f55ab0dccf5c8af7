import type { INestMicroservice } from '@nestjs/common';
import { createNatsMicroservice } from '@bandanh/platform';
import { AppModule } from './app.module';
import type { GrantsConfig } from './config/env';

export { migrateGrants } from './db/migrate';

/** The grants service, listening on NATS. */
export async function startGrantsService(config: GrantsConfig): Promise<INestMicroservice> {
  const app = await createNatsMicroservice('grants', AppModule.forRoot(config), config);
  await app.listen();
  return app;
}
