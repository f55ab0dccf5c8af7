import { Inject, Injectable } from '@nestjs/common';
import { and, count, desc, eq, ilike, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import {
  appendAudit,
  startPipeline,
  type Cbo,
  type DuplicateDecisionDraft,
  type CboDraft,
  type CboPage,
  type DuplicateCandidate,
  type ListCbosQuery,
  type PipelineStage,
  type SelectionDecision,
} from '@bandanh/contracts';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { NetworkRepository, escapeLike } from '../db/repository';
import { cbos, fieldVisitCbos, type CboRow } from '../db/schema';
import { NetworkOutbox } from '../outbox/network-outbox';

function toCbo(row: CboRow): Cbo {
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
    possibleDuplicateOf: row.duplicateDecision ? null : (row.likelyDuplicateOf[0] ?? null),
    duplicateDecision: row.duplicateDecision,
    duplicateOf: row.duplicateOf,
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

/**
 * What a CBO is compared on: its names and province, and its commune when one is given (a blank
 * commune compares within the whole province). The service hands names normalised.
 */
export interface DuplicateProbe {
  name: string;
  nameKm?: string;
  provinceCode: string;
  commune?: string;
}

/** Lower case, single spaces: how names and communes are compared. */
const normalised = (column: SQL | typeof cbos.name) =>
  sql`regexp_replace(lower(trim(${column})), '[[:space:]]+', ' ', 'g')`;

/** A CBO as it is first stored: the draft, who found it, and what it looks like. */
export type NewCbo = Omit<CboDraft, 'acknowledgeDuplicates'> & {
  foundBy: string | null;
  likelyDuplicateOf: string[];
  /** A public application's: its reference, and where and in which language its decision is mailed. */
  applicant?: CboApplicant & { reference: string };
};

/** Whom a public application's decisions are mailed to, and the reference they follow it by. */
export interface CboApplicant {
  reference: string | null;
  email: string | null;
  locale: 'km' | 'en' | null;
}

export type SelectionRecord = { outcome: SelectionDecision['outcome']; reason: string | null };

@Injectable()
export class CbosRepository extends NetworkRepository {
  constructor(@Inject(NETWORK_DB) database: NetworkDatabase, outbox: NetworkOutbox) {
    super(database, outbox);
  }

  /**
   * CBOs in the same province whose Latin or Khmer name is the same or very like it: in the same
   * commune (or one recorded without a commune) when the probe names one, anywhere in the
   * province when it does not. Case and runs of spaces do not count.
   */
  async findDuplicates(probe: DuplicateProbe): Promise<DuplicateCandidate[]> {
    const name = probe.name.toLowerCase();
    const nameKm = probe.nameKm?.toLowerCase() ?? '';
    const similarity = sql<number>`greatest(similarity(${normalised(cbos.name)}, ${name}), case when ${cbos.nameKm} is not null and ${nameKm} <> '' then similarity(${normalised(sql`${cbos.nameKm}`)}, ${nameKm}) else 0 end)`;
    const sameCommune = probe.commune
      ? sql`(${normalised(sql`${cbos.commune}`)} = ${probe.commune.toLowerCase()} or ${cbos.commune} is null)`
      : sql`true`;
    const rows = await this.db
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

  /**
   * Stores a new CBO; found today unless the draft says when. Undefined when an application's
   * reference is taken already (the caller draws another): nothing is stored then.
   */
  async insert({ applicant, ...values }: NewCbo): Promise<Cbo | undefined> {
    const [row] = await this.db
      .insert(cbos)
      .values({
        ...values,
        foundOn: values.foundOn ?? sql`current_date`,
        ...(applicant
          ? {
              reference: applicant.reference,
              applicantEmail: applicant.email,
              applicantLocale: applicant.locale,
            }
          : {}),
      })
      .onConflictDoNothing({ target: cbos.reference })
      .returning();
    return row && toCbo(row);
  }

  /** The CBO of a public application's reference. */
  async findByReference(reference: string): Promise<Cbo | undefined> {
    const [row] = await this.db.select().from(cbos).where(eq(cbos.reference, reference));
    return row && toCbo(row);
  }

  /** A CBO's public applicant (all null for a CBO recorded by staff). */
  async applicantOf(id: string): Promise<CboApplicant | undefined> {
    const [row] = await this.db
      .select({ reference: cbos.reference, email: cbos.applicantEmail, locale: cbos.applicantLocale })
      .from(cbos)
      .where(eq(cbos.id, id));
    return row;
  }

  /** Marks the CBO as met on the field visit (once). */
  async linkToVisit(visitId: string, cboId: string): Promise<void> {
    await this.db.insert(fieldVisitCbos).values({ visitId, cboId }).onConflictDoNothing();
  }

  /** Asks the orchestrator, through the outbox, to start the CBO's pipeline. */
  startPipeline(cboId: string): Promise<void> {
    return this.enqueue(startPipeline, { cboId });
  }

  /**
   * Records a coordinator's decision about the CBO's likely duplicates, and its audit entry
   * (through the outbox, committed with it).
   */
  async decideDuplicate(
    id: string,
    decision: DuplicateDecisionDraft,
    decidedBy: string,
    before: Cbo,
  ): Promise<Cbo | undefined> {
    const duplicateOf = decision.decision === 'merged' ? decision.into : null;
    const [row] = await this.db
      .update(cbos)
      .set({
        duplicateDecision: decision.decision,
        duplicateOf,
        duplicateDecidedBy: decidedBy,
        duplicateDecidedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(cbos.id, id))
      .returning();
    if (!row) return undefined;
    await this.enqueue(appendAudit, {
      action: `cbo.duplicate.${decision.decision}`,
      targetType: 'cbo',
      targetId: id,
      outcome: 'success',
      onBehalfOf: decidedBy,
      eventId: `cbo-duplicate:${id}`,
      details: {
        name: before.name,
        likelyDuplicateOf: before.likelyDuplicateOf,
        before: { duplicateDecision: before.duplicateDecision, duplicateOf: before.duplicateOf },
        after: { duplicateDecision: decision.decision, duplicateOf },
      },
    });
    return toCbo(row);
  }

  /** Of these CBOs, those flagged as likely duplicates that no coordinator has decided about. */
  async duplicateFlags(ids: string[]): Promise<Array<{ id: string; possibleDuplicateOf: string }>> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .select({ id: cbos.id, likelyDuplicateOf: cbos.likelyDuplicateOf })
      .from(cbos)
      .where(
        and(
          inArray(cbos.id, ids),
          isNull(cbos.duplicateDecision),
          sql`cardinality(${cbos.likelyDuplicateOf}) > 0`,
        ),
      );
    return rows.map((row) => ({ id: row.id, possibleDuplicateOf: row.likelyDuplicateOf[0] }));
  }

  async findById(id: string): Promise<Cbo | undefined> {
    const [row] = await this.db.select().from(cbos).where(eq(cbos.id, id));
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
      this.db
        .select()
        .from(cbos)
        .where(where)
        .orderBy(desc(cbos.createdAt), desc(cbos.id))
        .limit(query.limit)
        .offset(query.offset),
      this.db.select({ total: count() }).from(cbos).where(where),
    ]);
    return { items: rows.map(toCbo), total, limit: query.limit, offset: query.offset };
  }

  /**
   * Writes the stage (and the selection decision, when one is given). `participant` keeps the
   * date the CBO first became a Network Participant, and clears it when it is one no more.
   */
  async setStage(
    id: string,
    stage: PipelineStage,
    { participant, decision }: { participant: boolean; decision?: SelectionRecord },
  ): Promise<Cbo | undefined> {
    const [row] = await this.db
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
