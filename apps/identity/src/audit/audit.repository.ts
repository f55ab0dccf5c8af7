import { Inject, Injectable } from '@nestjs/common';
import { and, asc, desc, eq, gt, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AuditEntry, AuditQuery } from '@bandanh/contracts';
import { IDENTITY_DB, type Executor, type IdentityDatabase } from '../db/database.module';
import { auditLog, type AuditRow } from '../db/schema';
import { GENESIS_HASH, chainHash, firstBroken, type ChainedFields } from './audit-chain';

export interface AuditInput {
  action: string;
  outcome: 'success' | 'failure' | 'denied';
  targetType?: string;
  targetId?: string;
  /** Never passwords, tokens, codes or protected fields. */
  details?: Record<string, unknown>;
  /** The event's own id, when a service may send it more than once: it is recorded once. */
  eventId?: string;
}

/** The entry numbered `seq` after the one whose hash is `prevHash`: its fields, chained. */
export function chainLink(seq: number, prevHash: string, actorId: string | null, input: AuditInput) {
  const fields: ChainedFields & { outcome: AuditInput['outcome'] } = {
    seq,
    at: new Date(),
    actorId,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    outcome: input.outcome,
    details: input.details ?? {},
  };
  return { ...fields, prevHash, hash: chainHash(prevHash, fields), eventId: input.eventId ?? null };
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    outcome: row.outcome,
    details: row.details,
    hash: row.hash,
  };
}

@Injectable()
export class AuditRepository {
  constructor(@Inject(IDENTITY_DB) private readonly database: IdentityDatabase) {}

  /**
   * Appends one entry to the chain. Appends are serialised by an advisory lock held until
   * the surrounding transaction ends, so the entry commits with the action it records.
   */
  async append(actorId: string | null, input: AuditInput, executor?: Executor): Promise<number> {
    const [seq] = await this.appendMany([{ actorId, input }], executor);
    return seq;
  }

  /**
   * Appends entries in their order, under one turn of the lock: their numbers, in the same
   * order. An entry whose event id is recorded already (before, or earlier in the same call)
   * is not appended again; its number is the one it has.
   */
  async appendMany(
    entries: readonly { actorId: string | null; input: AuditInput }[],
    executor?: Executor,
  ): Promise<number[]> {
    const run = async (tx: Executor) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('identity.audit_log'))`);
      const eventIds = [...new Set(entries.flatMap(({ input }) => input.eventId ?? []))];
      const known = new Map<string, number>();
      if (eventIds.length > 0) {
        const seen = await tx
          .select({ eventId: auditLog.eventId, seq: auditLog.seq })
          .from(auditLog)
          .where(inArray(auditLog.eventId, eventIds));
        for (const row of seen) known.set(row.eventId!, row.seq);
      }
      const fresh = entries.filter(
        ({ input }, i) =>
          input.eventId === undefined ||
          (!known.has(input.eventId) &&
            entries.findIndex((other) => other.input.eventId === input.eventId) === i),
      );
      const seqOf = new Map<object, number>();
      if (fresh.length > 0) {
        const [last] = await tx
          .select({ seq: auditLog.seq, hash: auditLog.hash })
          .from(auditLog)
          .orderBy(desc(auditLog.seq))
          .limit(1);
        const numbers = (await tx.execute(
          sql`select nextval(pg_get_serial_sequence('identity.audit_log', 'seq'))::int as next
              from generate_series(1, ${fresh.length})`,
        )) as unknown as { next: number }[];
        const seqs = numbers.map(({ next }) => next).sort((a, b) => a - b);
        let prevHash = last?.hash ?? GENESIS_HASH;
        const links = fresh.map((entry, i) => {
          const link = chainLink(seqs[i], prevHash, entry.actorId, entry.input);
          prevHash = link.hash;
          seqOf.set(entry, seqs[i]);
          if (entry.input.eventId !== undefined) known.set(entry.input.eventId, seqs[i]);
          return link;
        });
        await tx.insert(auditLog).values(links);
      }
      return entries.map((entry) => seqOf.get(entry) ?? known.get(entry.input.eventId!)!);
    };
    return executor ? run(executor) : this.database.db.transaction(run);
  }

  async latest(limit: number): Promise<AuditEntry[]> {
    return (await this.page({ limit })).items;
  }

  /**
   * One page of the entries that match, newest first, by seq (keyset: a page is the same
   * whatever is appended meanwhile), and whether there are older and newer ones.
   */
  async page(query: AuditQuery): Promise<AuditPage> {
    const { db } = this.database;
    const matching = auditFilter(query);
    const newerFirst = query.after !== undefined && query.before === undefined;
    const window = newerFirst
      ? gt(auditLog.seq, query.after!)
      : query.before
        ? lt(auditLog.seq, query.before)
        : undefined;
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(matching, window))
      .orderBy(newerFirst ? asc(auditLog.seq) : desc(auditLog.seq))
      .limit(query.limit + 1);
    const more = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    if (newerFirst) page.reverse();
    if (page.length === 0) {
      // Nothing here: the way back is the edge asked from.
      return {
        items: [],
        older: newerFirst ? (query.after ?? 0) + 1 : null,
        newer: query.before ? query.before - 1 : null,
      };
    }
    const newest = page[0].seq;
    const oldest = page[page.length - 1].seq;
    const exists = async (condition: SQL) => {
      const [row] = await db
        .select({ seq: auditLog.seq })
        .from(auditLog)
        .where(and(matching, condition))
        .limit(1);
      return row !== undefined;
    };
    const hasOlder = newerFirst ? await exists(lt(auditLog.seq, oldest)) : more;
    const hasNewer = newerFirst ? more : await exists(gt(auditLog.seq, newest));
    return { items: page.map(toEntry), older: hasOlder ? oldest : null, newer: hasNewer ? newest : null };
  }

  verify(): Promise<AuditVerification> {
    return verifyAuditChain(this.database.db);
  }
}

/** A page of entries and the cursors around it: `older` is a `before`, `newer` an `after`. */
export interface AuditPage {
  items: AuditEntry[];
  older: number | null;
  newer: number | null;
}

/** Cambodia keeps UTC+7 all year: a Cambodian day starts at 00:00 +07:00. */
function startOfCambodianDay(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/**
 * What the filters ask: the actor, the action, the record (for a CBO, also the entries about
 * its records, which name it in `details.cboId`), and the Cambodian days from and to.
 */
export function auditFilter(query: AuditQuery): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.actorId) conditions.push(eq(auditLog.actorId, query.actorId));
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  if (query.targetType && query.targetId && query.targetType === 'cbo') {
    conditions.push(
      or(
        and(eq(auditLog.targetType, 'cbo'), eq(auditLog.targetId, query.targetId)),
        sql`${auditLog.details}->>'cboId' = ${query.targetId}`,
      )!,
    );
  } else {
    if (query.targetType) conditions.push(eq(auditLog.targetType, query.targetType));
    if (query.targetId) conditions.push(eq(auditLog.targetId, query.targetId));
  }
  if (query.from) conditions.push(gte(auditLog.at, startOfCambodianDay(query.from)));
  if (query.to) {
    const next = startOfCambodianDay(query.to);
    next.setUTCDate(next.getUTCDate() + 1);
    conditions.push(lt(auditLog.at, next));
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

export interface AuditVerification {
  valid: boolean;
  entries: number;
  firstBrokenSeq: number | null;
}

/** Recomputes the whole chain, a page at a time; used by the service and by `pnpm audit:verify`. */
export async function verifyAuditChain(db: IdentityDatabase['db']): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let after = 0;
  let entries = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, after))
      .orderBy(asc(auditLog.seq))
      .limit(1000);
    if (rows.length === 0) return { valid: true, entries, firstBrokenSeq: null };
    const broken = firstBroken(rows, prevHash);
    if (broken !== null) return { valid: false, entries: entries + rows.length, firstBrokenSeq: broken };
    entries += rows.length;
    prevHash = rows[rows.length - 1].hash;
    after = rows[rows.length - 1].seq;
  }
}
