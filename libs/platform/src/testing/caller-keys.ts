import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceName } from '@bandanh/contracts';
import { CallerSigner, ensureCallerKeys, signerFor } from '../auth/caller-token';

export interface TestCallerKeys {
  /** The folder with every service's key and the trusted set: pass it as CALLER_KEYS_DIR. */
  dir: string;
  /** The signer of one service, as the service itself would sign. */
  signer(service: ServiceName): Promise<CallerSigner>;
  remove(): void;
}

/** Caller signing keys of every service for one test file, in a folder of its own. */
export async function createTestCallerKeys(): Promise<TestCallerKeys> {
  const dir = mkdtempSync(join(tmpdir(), 'bandanh-keys-'));
  await ensureCallerKeys(dir);
  return {
    dir,
    signer: (service) => signerFor(service, { CALLER_KEYS_DIR: dir, CALLER_TOKEN_TTL_SECONDS: 60 }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
