import type { INestMicroservice } from '@nestjs/common';
import { createDatabase, createNatsMicroservice } from '@bandanh/platform';
import { verifyAuditChain } from './audit/audit.repository';
import * as schema from './db/schema';
import { AppModule } from './app.module';
import type { IdentityConfig } from './config/env';

export { migrateIdentity } from './db/migrate';

/** The identity service, listening on NATS. */
export async function startIdentityService(config: IdentityConfig): Promise<INestMicroservice> {
  const app = await createNatsMicroservice('identity', AppModule.forRoot(config), config);
  await app.listen();
  return app;
}
export { ensureAccounts, type AccountSeed } from './accounts/bootstrap';

/** Verifies the audit hash chain straight from the database (the `pnpm audit:verify` command). */
export async function verifyAudit(url: string) {
  const database = createDatabase(url, schema, { max: 1 });
  try {
    return await verifyAuditChain(database.db);
  } finally {
    await database.close();
  }
}
