// pnpm keys:generate: the local default caller-signing keys, one Ed25519 key per service and
// the trusted set, in the git-ignored .data/keys (or CALLER_KEYS_DIR). Existing keys are kept.
import { join } from 'node:path';
import { ensureCallerKeys } from '../../libs/platform/src/auth/caller-token';

async function main() {
  const dir = process.env.CALLER_KEYS_DIR ?? join(__dirname, '..', '..', '.data', 'keys');
  const created = await ensureCallerKeys(dir);
  console.log(
    created.length > 0
      ? `[infra] caller-signing keys: made ${created.join(', ')} in ${dir}`
      : `[infra] caller-signing keys are in ${dir}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
