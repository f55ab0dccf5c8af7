import { Inject, Injectable } from '@nestjs/common';
import { and, count, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type {
  Cbo,
  CboDraft,
  CboPage,
  DuplicateCandidate,
  ListCbosQuery,
  PipelineStage,
  SelectionDecision,
} from '@bandanh/contracts';
import { PARTICIPANT_STAGES, startPipeline } from '@bandanh/contracts';
import { DomainError, enqueue, runOnce } from '@bandanh/platform';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { cbos, fieldVisitCbos, idempotencyKeys, outbox, type CboRow } from '../db/schema';
import { NetworkOutbox } from '../outbox/outbox.module';

export function toCbo(row: CboRow): Cbo {
  return {
    id: row.id,
    name: row.name,
    nameKm: row.nameKm,
    provinceCode: row.provinceCode,
    district: row.district,
    commune: row.commune,
    village: row.village,
    focusIssues: row.focusIssues,
    purpose: row.purpose,
    membersCount: row.membersCount,
    contacts: row.contacts,
    publishContacts: row.publishContacts,
    about: row.about,
    foundVia: row.foundVia,
    foundOn: row.foundOn,
    foundBy: row.foundBy,
    fieldVisitId: row.fieldVisitId,
    likelyDuplicateOf: row.likelyDuplicateOf,
    stage: row.stage,
    decision:
      row.decisionOutcome && row.decidedAt
        ? { outcome: row.decisionOutcome, reason: row.decisionReason, decidedAt: row.decidedAt.toISOString() }
        : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** How alike two names must be (pg_trgm similarity) to be flagged as a likely duplicate. */
const DUPLICATE_SIMILARITY = 0.6;

export interface DuplicateProbe {
  name: string;
  nameKm?: string;
  provinceCode: string;
  commune?: string;
}

@Injectable()
export class CbosRepository {
  constructor(
    @Inject(NETWORK_DB) private readonly database: NetworkDatabase,
    private readonly outbox: NetworkOutbox,
  ) {}

  /**
   * Inserts once per idempotency key; a retry returns the first answer. A likely duplicate
   * refuses the insert unless the draft acknowledges it.
   */
  async create(
    command: string,
    idempotencyKey: string,
    draft: CboDraft,
    foundBy: string | null,
  ): Promise<{ cbo: Cbo; created: boolean }> {
    const { result, replayed } = await runOnce(
      this.database.db,
      idempotencyKeys,
      { name: command, key: idempotencyKey, request: { draft, foundBy } },
      async (tx) => {
        // A group applying itself is never refused: its likely duplicates are kept for a coordinator.
        const duplicates = draft.acknowledgeDuplicates && foundBy ? [] : await this.findDuplicates(draft, tx);
        if (foundBy && duplicates.length > 0) {
          throw new DomainError(
            'CONFLICT',
            `A CBO with a similar name is already recorded in this commune: ${duplicates[0].name}`,
            { reason: 'possible_duplicate', duplicates },
          );
        }
        const { acknowledgeDuplicates: _ack, ...values } = draft;
        const [row] = await tx
          .insert(cbos)
          .values({
            ...values,
            foundBy,
            foundOn: draft.foundOn ?? sql`current_date`,
            likelyDuplicateOf: foundBy ? [] : duplicates.map((duplicate) => duplicate.id),
          })
          .returning();
        if (draft.fieldVisitId) {
          await tx
            .insert(fieldVisitCbos)
            .values({ visitId: draft.fieldVisitId, cboId: row.id })
            .onConflictDoNothing();
        }
        // The pipeline starts with the record: the command commits with it (the outbox).
        await enqueue(tx, outbox, startPipeline, { cboId: row.id });
        return toCbo(row);
      },
    );
    if (!replayed) this.outbox.kick();
    return { cbo: result, created: !replayed };
  }

  /** CBOs in the same province and commune whose Latin or Khmer name is the same or very like it. */
  async findDuplicates(
    probe: DuplicateProbe,
    db: Pick<NetworkDatabase['db'], 'select'> = this.database.db,
  ): Promise<DuplicateCandidate[]> {
    const name = probe.name.toLowerCase();
    const nameKm = probe.nameKm?.toLowerCase() ?? '';
    const similarity = sql<number>`greatest(similarity(lower(${cbos.name}), ${name}), case when ${cbos.nameKm} is not null and ${nameKm} <> '' then similarity(lower(${cbos.nameKm}), ${nameKm}) else 0 end)`;
    const sameCommune = probe.commune
      ? sql`lower(${cbos.commune}) = ${probe.commune.toLowerCase()}`
      : sql`${cbos.commune} is null`;
    const rows = await db
      .select({
        id: cbos.id,
        name: cbos.name,
        nameKm: cbos.nameKm,
        provinceCode: cbos.provinceCode,
        commune: cbos.commune,
        stage: cbos.stage,
        similarity,
      })
      .from(cbos)
      .where(
        and(
          eq(cbos.provinceCode, probe.provinceCode),
          sameCommune,
          sql`${similarity} >= ${DUPLICATE_SIMILARITY}`,
        ),
      )
      .orderBy(desc(similarity))
      .limit(5);
    return rows.map((row) => ({ ...row, similarity: Math.round(Number(row.similarity) * 100) / 100 }));
  }

  async findById(id: string): Promise<Cbo | undefined> {
    const [row] = await this.database.db.select().from(cbos).where(eq(cbos.id, id));
    return row && toCbo(row);
  }

  /** A page of CBOs, newest first; only `onlyId` when given. */
  async list(query: ListCbosQuery, onlyId?: string): Promise<CboPage> {
    const conditions: SQL[] = [];
    if (onlyId) conditions.push(eq(cbos.id, onlyId));
    if (query.stage) conditions.push(eq(cbos.stage, query.stage));
    if (query.provinceCode) conditions.push(eq(cbos.provinceCode, query.provinceCode));
    if (query.q) conditions.push(ilike(cbos.searchText, `%${escapeLike(query.q.toLowerCase())}%`));
    const where = conditions.length > 0 ? and(...conditions) : undefined;
    const [rows, [{ total }]] = await Promise.all([
      this.database.db
        .select()
        .from(cbos)
        .where(where)
        .orderBy(desc(cbos.createdAt), desc(cbos.id))
        .limit(query.limit)
        .offset(query.offset),
      this.database.db.select({ total: count() }).from(cbos).where(where),
    ]);
    return { items: rows.map(toCbo), total, limit: query.limit, offset: query.offset };
  }

  async setStage(
    id: string,
    stage: PipelineStage,
    decision?: { outcome: SelectionDecision['outcome']; reason: string | null },
  ): Promise<Cbo | undefined> {
    const participant = PARTICIPANT_STAGES.includes(stage);
    const [row] = await this.database.db
      .update(cbos)
      .set({
        stage,
        updatedAt: new Date(),
        ...(decision
          ? { decisionOutcome: decision.outcome, decisionReason: decision.reason, decidedAt: new Date() }
          : {}),
        participantSince: participant ? sql`coalesce(${cbos.participantSince}, now())` : null,
      })
      .where(eq(cbos.id, id))
      .returning();
    return row && toCbo(row);
  }
}

/** Escapes LIKE's wildcards so a search for `50%` means the characters. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
