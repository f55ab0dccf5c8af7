import 'reflect-metadata';
import { startGateway } from './app';
import { loadGatewayConfig } from './config/env';

async function main() {
  const config = loadGatewayConfig();
  await startGateway(config);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
