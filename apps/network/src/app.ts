import type { INestMicroservice } from '@nestjs/common';
import { createNatsMicroservice } from '@bandanh/platform';
import { AppModule } from './app.module';
import type { NetworkConfig } from './config/env';

export { migrateNetwork } from './db/migrate';

/** The network service, listening on NATS. */
export async function startNetworkService(config: NetworkConfig): Promise<INestMicroservice> {
  const app = await createNatsMicroservice('network', AppModule.forRoot(config), config);
  await app.listen();
  return app;
}
