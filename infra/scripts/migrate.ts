// pnpm db:migrate: applies every service's migrations to its own schema, in order.
// Each service owns its schema and its migrations; this only calls them. Idempotent.
import { migrateGrants } from '../../apps/grants/src/app';
import { migrateIdentity } from '../../apps/identity/src/app';
import { migrateNetwork } from '../../apps/network/src/app';
import { migrateOrchestrator } from '../../apps/orchestrator/src/app';
import { migrateTraining } from '../../apps/training/src/app';

type Migrate = (url: string) => Promise<void>;

/** One line per service that owns tables. */
const SERVICES: ReadonlyArray<readonly [name: string, migrate: Migrate]> = [
  ['identity', migrateIdentity],
  ['network', migrateNetwork],
  ['orchestrator', migrateOrchestrator],
  ['training', migrateTraining],
  ['grants', migrateGrants],
];

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/bandanh';

/** Where we migrate, for messages: never the password. */
function describeTarget(url: string): string {
  try {
    const { hostname, port, pathname } = new URL(url);
    return `database ${pathname.slice(1) || '(default)'} on ${hostname}:${port || '5432'}`;
  } catch {
    return 'DATABASE_URL (not a valid URL)';
  }
}

/** The most useful line of an error; a refused connection can be an AggregateError with no message. */
function describeError(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return describeError(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return error.message || (typeof code === 'string' ? code : error.name);
  }
  return String(error);
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || DEFAULT_URL;
  for (const [name, migrate] of SERVICES) {
    try {
      await migrate(url);
    } catch (error) {
      throw new Error(`migrating ${name} (${describeTarget(url)}) failed: ${describeError(error)}`);
    }
    console.log(`migrated ${name}`);
  }
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exit(1);
});
