import { accessSync, constants } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

/** The repository's root, found from this file. */
export const REPO_ROOT = resolve(__dirname, '../../../..');

/**
 * The Temporal CLI that the set-up provides: TEMPORAL_BIN, then PATH, then the copy the
 * set-up builds into `.tools/bin`.
 */
export function temporalBinary(): string {
  const candidates = [
    process.env.TEMPORAL_BIN,
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => dir && join(dir, 'temporal')),
    join(REPO_ROOT, '.tools/bin/temporal'),
  ].filter((p): p is string => Boolean(p));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error('The temporal CLI was not found: run `npm test` or `npm start` once to build it');
}
