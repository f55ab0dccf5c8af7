import 'reflect-metadata';
import { startGrantsService } from './app';
import { loadGrantsConfig } from './config/env';

async function main() {
  const config = loadGrantsConfig();
  await startGrantsService(config);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
