import { Inject, Injectable } from '@nestjs/common';
import { asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { AuditEntry } from '@bandanh/contracts';
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
    const run = async (tx: Executor) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('identity.audit_log'))`);
      if (input.eventId) {
        const [seen] = await tx
          .select({ seq: auditLog.seq })
          .from(auditLog)
          .where(eq(auditLog.eventId, input.eventId));
        if (seen) return seen.seq;
      }
      const [last] = await tx
        .select({ seq: auditLog.seq, hash: auditLog.hash })
        .from(auditLog)
        .orderBy(desc(auditLog.seq))
        .limit(1);
      const [{ next }] = (await tx.execute(
        sql`select nextval(pg_get_serial_sequence('identity.audit_log', 'seq'))::int as next`,
      )) as unknown as [{ next: number }];
      await tx.insert(auditLog).values(chainLink(next, last?.hash ?? GENESIS_HASH, actorId, input));
      return next;
    };
    return executor ? run(executor) : this.database.db.transaction(run);
  }

  async latest(limit: number): Promise<AuditEntry[]> {
    const rows = await this.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(limit);
    return rows.map(toEntry);
  }

  verify(): Promise<AuditVerification> {
    return verifyAuditChain(this.database.db);
  }
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
