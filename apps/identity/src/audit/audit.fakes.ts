import type { AuditEntry, AuditQuery } from '@bandanh/contracts';
import { asReal, type Shape } from '../testing/fakes';
import { GENESIS_HASH, firstBroken } from './audit-chain';
import {
  chainLink,
  type AuditInput,
  type AuditPage,
  type AuditRepository,
  type AuditVerification,
} from './audit.repository';
import { AuditService } from './audit.service';

/** The audit log in memory, chained like the real one. */
export class InMemoryAuditLog implements Shape<AuditRepository> {
  readonly entries: Array<ReturnType<typeof chainLink>> = [];

  async append(actorId: string | null, input: AuditInput): Promise<number> {
    const seen = input.eventId && this.entries.find((entry) => entry.eventId === input.eventId);
    if (seen) return seen.seq;
    const link = chainLink(
      this.entries.length + 1,
      this.entries.at(-1)?.hash ?? GENESIS_HASH,
      actorId,
      input,
    );
    this.entries.push(link);
    return link.seq;
  }

  async appendMany(entries: readonly { actorId: string | null; input: AuditInput }[]): Promise<number[]> {
    const seqs: number[] = [];
    for (const { actorId, input } of entries) seqs.push(await this.append(actorId, input));
    return seqs;
  }

  async latest(limit: number): Promise<AuditEntry[]> {
    return (await this.page({ limit })).items;
  }

  /** The filters but the dates (kept by the real query), and the same cursors. */
  async page(query: AuditQuery): Promise<AuditPage> {
    const matching = this.entries.filter(
      (entry) =>
        (!query.actorId || entry.actorId === query.actorId) &&
        (!query.action || entry.action === query.action) &&
        (!query.targetType || entry.targetType === query.targetType) &&
        (!query.targetId || entry.targetId === query.targetId),
    );
    const newestFirst = [...matching].reverse();
    const newer = query.after !== undefined;
    const window = newer
      ? matching
          .filter((entry) => entry.seq > query.after!)
          .slice(0, query.limit)
          .reverse()
      : newestFirst
          .filter((entry) => query.before === undefined || entry.seq < query.before)
          .slice(0, query.limit);
    const [first, last] = [window[0], window.at(-1)];
    return {
      items: window.map(({ prevHash: _prev, eventId: _event, ...entry }) => ({
        ...entry,
        at: entry.at.toISOString(),
      })),
      older: last && matching.some((entry) => entry.seq < last.seq) ? last.seq : null,
      newer: first && matching.some((entry) => entry.seq > first.seq) ? first.seq : null,
    };
  }

  async verify(): Promise<AuditVerification> {
    const broken = firstBroken(this.entries);
    return { valid: broken === null, entries: this.entries.length, firstBrokenSeq: broken };
  }

  /** `action outcome` of each entry, in order: what a test usually asserts. */
  steps(): string[] {
    return this.entries.map((entry) => `${entry.action} ${entry.outcome}`);
  }
}

/** The real audit rules over the in-memory log. */
export function fakeAudit(): { log: InMemoryAuditLog; audit: AuditService } {
  const log = new InMemoryAuditLog();
  return { log, audit: new AuditService(asReal<AuditRepository>(log)) };
}
