import 'reflect-metadata';
import { startTrainingService } from './app';
import { loadTrainingConfig } from './config/env';

async function main() {
  const config = loadTrainingConfig();
  await startTrainingService(config);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
