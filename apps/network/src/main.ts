import 'reflect-metadata';
import { startNetworkService } from './app';
import { loadNetworkConfig } from './config/env';

async function main() {
  const config = loadNetworkConfig();
  await startNetworkService(config);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
