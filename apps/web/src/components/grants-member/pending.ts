// Changes kept on the phone while the network is down (or the server refused to save them
// over a newer copy), and the one rule for them:
//
//   A copy saved on the server after the one your changes started from always wins on its own:
//   your kept changes are never sent over it unless you choose "Use my changes".
//
// Changes started from the server's current copy are sent as soon as the network is back.

import { applyEntries, sameDraft, type Draft, type Entries } from './draft';

export interface Pending {
  applicationId: string;
  /** The version of the server's copy the changes were typed on. */
  baseVersion: number;
  /** The changed fields, by name, as typed. */
  entries: Entries;
  /** When they were last kept (ISO). */
  keptAt: string;
}

export type PendingDecision =
  /** Nothing the server does not already say: forget them. */
  | 'same'
  /** Typed on the server's current copy: send them. */
  | 'send'
  /** The server has a newer copy: keep it, show the kept changes, let the member choose. */
  | 'conflict';

export function decidePending(pending: Pending, server: { version: number; draft: Draft }): PendingDecision {
  const { draft } = applyEntries(server.draft, pending.entries);
  if (sameDraft(draft, server.draft)) return 'same';
  return pending.baseVersion >= server.version ? 'send' : 'conflict';
}

/** More fields typed on top of changes already kept: the newest value of each field wins. */
export function keepMore(
  kept: Pending | null,
  applicationId: string,
  baseVersion: number,
  entries: Entries,
  at: Date,
): Pending {
  const base = kept && kept.applicationId === applicationId ? kept : null;
  return {
    applicationId,
    // Changes stay tied to the copy the first of them was typed on.
    baseVersion: base ? Math.min(base.baseVersion, baseVersion) : baseVersion,
    entries: { ...(base?.entries ?? {}), ...entries },
    keptAt: at.toISOString(),
  };
}

const PREFIX = 'bandanh.grantDraft.';

/** The storage key of changes to an application typed on `baseVersion`. */
export const pendingKey = (applicationId: string, baseVersion: number) =>
  `${PREFIX}${applicationId}.v${baseVersion}`;

/** Reads a stored value back, or null when it is not a kept change of `applicationId`. */
export function readPending(applicationId: string, key: string, value: string | null): Pending | null {
  if (!key.startsWith(`${PREFIX}${applicationId}.v`) || !value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<Pending>;
    if (
      parsed.applicationId !== applicationId ||
      typeof parsed.baseVersion !== 'number' ||
      typeof parsed.entries !== 'object' ||
      parsed.entries === null
    )
      return null;
    const entries: Entries = {};
    for (const [name, text] of Object.entries(parsed.entries))
      if (typeof text === 'string') entries[name] = text;
    return { applicationId, baseVersion: parsed.baseVersion, entries, keptAt: String(parsed.keptAt ?? '') };
  } catch {
    return null;
  }
}
