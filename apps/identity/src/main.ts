import 'reflect-metadata';
import { startIdentityService } from './app';
import { loadIdentityConfig } from './config/env';

async function main() {
  await startIdentityService(loadIdentityConfig());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
