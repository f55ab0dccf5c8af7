import { Inject, Injectable } from '@nestjs/common';
import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  budgetTotals,
  signalGrantResubmitted,
  startGrantApplicationRun,
  type ApplicationDraft,
  type ApplicationStage,
  type Attachment,
  type GrantApplication,
  type GrantApplicationSummary,
  type RequestOf,
} from '@bandanh/contracts';
import { GRANTS_DB, type GrantsDatabase } from '../db/database.module';
import { GrantsRepository } from '../db/repository';
import {
  applications,
  attachments,
  reviews,
  rounds,
  type ApplicationRow,
  type AttachmentRow,
  type RoundRow,
} from '../db/schema';
import { GrantsOutbox } from '../outbox/grants-outbox';

export function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

/**
 * A stored application as the contracts show it. `blind` (a reviewer of a blind round) hides
 * who the CBO is and who submitted it.
 */
export function toApplication(
  row: ApplicationRow,
  files: readonly AttachmentRow[] = [],
  { blind = false }: { blind?: boolean } = {},
): GrantApplication {
  return {
    id: row.id,
    roundId: row.roundId,
    cboId: blind ? null : row.cboId,
    cboName: blind ? null : row.cboName,
    cboNameKm: blind ? null : row.cboNameKm,
    stage: row.stage,
    reference: row.reference,
    currency: row.currency,
    plan: row.plan,
    budget: row.budget,
    totals: budgetTotals(row.budget),
    attachments: files.map(toAttachment),
    version: row.version,
    decision: row.decision,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    submittedBy: blind ? null : row.submittedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * A stored application as a list shows it: its score as the reader may see it (the average, or a
 * reviewer's own) and its reviews' progress. `blind` hides the CBO as `toApplication` does.
 */
export function toSummary(
  row: ApplicationRow,
  reviews: { score: number | null; reviewsDone: number; reviewsNeeded: number },
  options: { blind?: boolean } = {},
): GrantApplicationSummary {
  const full = toApplication(row, [], options);
  return {
    id: full.id,
    roundId: full.roundId,
    cboId: full.cboId,
    cboName: full.cboName,
    cboNameKm: full.cboNameKm,
    stage: full.stage,
    reference: full.reference,
    currency: full.currency,
    totals: full.totals,
    decision: full.decision,
    submittedAt: full.submittedAt,
    updatedAt: full.updatedAt,
    title: full.plan.title,
    provinceCode: full.plan.provinceCode,
    ...reviews,
  };
}

export interface ApplicationListFilter {
  roundId: string;
  stage?: ApplicationStage;
  provinceCode?: string;
  q?: string;
  sort?: 'recent' | 'score';
  limit: number;
  offset: number;
}

/** An application of a round's list, with its reviews' progress. */
export interface ListedApplication {
  row: ApplicationRow;
  score: number | null;
  reviewsDone: number;
}

export interface NewAttachment {
  uploadId: string;
  kind: AttachmentRow['kind'];
  fileName: string;
  contentType: AttachmentRow['contentType'];
  size: number;
  uploadedBy: string;
}

@Injectable()
export class ApplicationsRepository extends GrantsRepository {
  constructor(@Inject(GRANTS_DB) database: GrantsDatabase, outbox: GrantsOutbox) {
    super(database, outbox);
  }

  async round(id: string): Promise<RoundRow | undefined> {
    const [row] = await this.db.select().from(rounds).where(eq(rounds.id, id));
    return row;
  }

  async find(id: string): Promise<ApplicationRow | undefined> {
    const [row] = await this.db.select().from(applications).where(eq(applications.id, id));
    return row;
  }

  /** The application, locked for the rest of the transaction. */
  async lockApplication(id: string): Promise<ApplicationRow | undefined> {
    const [row] = await this.db.select().from(applications).where(eq(applications.id, id)).for('update');
    return row;
  }

  async ofCbo(roundId: string, cboId: string): Promise<ApplicationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(applications)
      .where(and(eq(applications.roundId, roundId), eq(applications.cboId, cboId)));
    return row;
  }

  /** A new empty draft; undefined when the CBO already has one for the round. */
  async insertDraft(input: {
    roundId: string;
    cboId: string;
    cboName: string;
    cboNameKm: string | null;
    currency: ApplicationRow['currency'];
    draft: ApplicationDraft;
    createdBy: string;
  }): Promise<ApplicationRow | undefined> {
    const [row] = await this.db
      .insert(applications)
      .values({
        roundId: input.roundId,
        cboId: input.cboId,
        cboName: input.cboName,
        cboNameKm: input.cboNameKm,
        currency: input.currency,
        plan: input.draft.plan,
        budget: input.draft.budget,
        requested: budgetTotals(input.draft.budget).requested,
        createdBy: input.createdBy,
      })
      .onConflictDoNothing({ target: [applications.roundId, applications.cboId] })
      .returning();
    return row;
  }

  /** Saves the draft whole as the next version. */
  async saveDraft(id: string, draft: ApplicationDraft): Promise<ApplicationRow> {
    const [row] = await this.db
      .update(applications)
      .set({
        plan: draft.plan,
        budget: draft.budget,
        requested: budgetTotals(draft.budget).requested,
        version: sql`${applications.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(applications.id, id))
      .returning();
    return row;
  }

  /** Whether a reference is already given to an application. */
  async referenceTaken(reference: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: applications.id })
      .from(applications)
      .where(eq(applications.reference, reference));
    return row !== undefined;
  }

  /** Locks it as submitted: its reference, who submitted it, one more submission. */
  async markSubmitted(id: string, reference: string, submittedBy: string): Promise<ApplicationRow> {
    const [row] = await this.db
      .update(applications)
      .set({
        stage: 'submitted',
        reference,
        submittedBy,
        submittedAt: sql`now()`,
        submissions: sql`${applications.submissions} + 1`,
        decision: null,
        eligibility: null,
        updatedAt: sql`now()`,
      })
      .where(eq(applications.id, id))
      .returning();
    return row;
  }

  async touch(id: string): Promise<ApplicationRow> {
    const [row] = await this.db
      .update(applications)
      .set({ updatedAt: sql`now()` })
      .where(eq(applications.id, id))
      .returning();
    return row;
  }

  /** The attachments of each application, oldest first. */
  async attachmentsOf(applicationIds: readonly string[]): Promise<Map<string, AttachmentRow[]>> {
    const found = new Map<string, AttachmentRow[]>(applicationIds.map((id) => [id, []]));
    if (applicationIds.length === 0) return found;
    const rows = await this.db
      .select()
      .from(attachments)
      .where(inArray(attachments.applicationId, [...applicationIds]))
      .orderBy(attachments.uploadedAt, attachments.id);
    for (const row of rows) found.get(row.applicationId)?.push(row);
    return found;
  }

  async attachment(applicationId: string, attachmentId: string): Promise<AttachmentRow | undefined> {
    const [row] = await this.db
      .select()
      .from(attachments)
      .where(and(eq(attachments.applicationId, applicationId), eq(attachments.id, attachmentId)));
    return row;
  }

  async attachmentByUpload(applicationId: string, uploadId: string): Promise<AttachmentRow | undefined> {
    const [row] = await this.db
      .select()
      .from(attachments)
      .where(and(eq(attachments.applicationId, applicationId), eq(attachments.uploadId, uploadId)));
    return row;
  }

  async attach(applicationId: string, file: NewAttachment): Promise<AttachmentRow> {
    const [row] = await this.db
      .insert(attachments)
      .values({ applicationId, ...file })
      .returning();
    return row;
  }

  async detach(applicationId: string, attachmentId: string): Promise<void> {
    await this.db
      .delete(attachments)
      .where(and(eq(attachments.applicationId, applicationId), eq(attachments.id, attachmentId)));
  }

  /** The CBO's applications, newest first. */
  async ofCboAll(cboId: string): Promise<ApplicationRow[]> {
    return this.db
      .select()
      .from(applications)
      .where(eq(applications.cboId, cboId))
      .orderBy(desc(applications.createdAt), desc(applications.id));
  }

  /** Whether the reviewer is assigned to the application and declared no conflict. */
  async reviewStatus(applicationId: string, reviewerId: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ status: reviews.status })
      .from(reviews)
      .where(and(eq(reviews.applicationId, applicationId), eq(reviews.reviewerId, reviewerId)));
    return row?.status;
  }

  /** A round's applications by the filter, with the counts per stage over the whole round. */
  async list(filter: ApplicationListFilter): Promise<{
    items: ListedApplication[];
    total: number;
    counts: Partial<Record<ApplicationStage, number>>;
  }> {
    const conditions: Array<SQL | undefined> = [eq(applications.roundId, filter.roundId)];
    if (filter.stage) conditions.push(eq(applications.stage, filter.stage));
    if (filter.provinceCode)
      conditions.push(sql`${applications.plan}->>'provinceCode' = ${filter.provinceCode}`);
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(
        or(
          ilike(sql`${applications.plan}->>'title'`, like),
          ilike(applications.reference, like),
          ilike(applications.cboName, like),
          ilike(applications.cboNameKm, like),
        ),
      );
    }
    const where = and(...conditions);
    const recent = [
      sql`${applications.submittedAt} desc nulls last`,
      desc(applications.createdAt),
      desc(applications.id),
    ];
    // The mean of the scored reviews, over the whole round: a page is a slice of that order.
    const meanScore = sql`(select avg(${reviews.total}) from ${reviews}
      where ${reviews.applicationId} = ${applications.id} and ${reviews.status} = 'scored')`;
    const rows = await this.db
      .select()
      .from(applications)
      .where(where)
      .orderBy(...(filter.sort === 'score' ? [sql`${meanScore} desc nulls last`, ...recent] : recent))
      .limit(filter.limit)
      .offset(filter.offset);
    const [{ n: total }] = await this.db.select({ n: count() }).from(applications).where(where);
    const perStage = await this.db
      .select({ stage: applications.stage, n: count() })
      .from(applications)
      .where(eq(applications.roundId, filter.roundId))
      .groupBy(applications.stage);
    const ids = rows.map((row) => row.id);
    const scored =
      ids.length === 0
        ? []
        : await this.db
            .select({
              applicationId: reviews.applicationId,
              done: count(),
              mean: sql<number | null>`avg(${reviews.total})::float8`,
            })
            .from(reviews)
            .where(and(inArray(reviews.applicationId, ids), eq(reviews.status, 'scored')))
            .groupBy(reviews.applicationId);
    const byId = new Map(scored.map((row) => [row.applicationId, row]));
    return {
      items: rows.map((row) => {
        const stats = byId.get(row.id);
        return {
          row,
          score:
            stats?.mean === null || stats?.mean === undefined
              ? null
              : Math.round(Number(stats.mean) * 100) / 100,
          reviewsDone: stats?.done ?? 0,
        };
      }),
      total,
      counts: Object.fromEntries(perStage.map((row) => [row.stage, row.n])),
    };
  }

  /** Starts the application's workflow, from the outbox once the submission commits. */
  startRun(input: RequestOf<typeof startGrantApplicationRun>): Promise<void> {
    return this.enqueue(startGrantApplicationRun, input);
  }

  /** Tells a returned application's workflow it was submitted again. */
  signalResubmitted(input: RequestOf<typeof signalGrantResubmitted>): Promise<void> {
    return this.enqueue(signalGrantResubmitted, input);
  }
}
