import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  details: Record<string, unknown>;
}

/** Each entry's hash covers its own fields and the previous entry's hash. */
export function chainHash(prevHash: string, entry: ChainedFields): string {
  const body = stringify({
    seq: entry.seq,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    outcome: entry.outcome,
    details: entry.details,
  });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

/** Walks entries in order and returns the seq of the first one that does not chain, or null. */
export function firstBroken(
  entries: Array<ChainedFields & { prevHash: string; hash: string }>,
  startHash = GENESIS_HASH,
): number | null {
  let prev = startHash;
  for (const entry of entries) {
    if (entry.prevHash !== prev || chainHash(prev, entry) !== entry.hash) return entry.seq;
    prev = entry.hash;
  }
  return null;
}
