// pnpm audit:verify: recomputes the audit log's hash chain and says whether it is intact.
// Exits 1 when an entry was changed or removed, naming the first one that breaks the chain.
import { verifyAudit } from '../../apps/identity/src/app';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/bandanh';
  const result = await verifyAudit(url);
  if (result.valid) {
    console.log(`audit log intact: ${result.entries} entries chain correctly`);
    return;
  }
  console.error(
    `audit log BROKEN at entry ${result.firstBrokenSeq}: it was changed, or an entry before it was removed`,
  );
  process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
