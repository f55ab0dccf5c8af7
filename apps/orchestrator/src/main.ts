import 'reflect-metadata';
import { startOrchestrator } from './app';
import { loadOrchestratorConfig } from './config/env';

async function main() {
  const config = loadOrchestratorConfig();
  await startOrchestrator(config);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
