import { Inject, Injectable } from '@nestjs/common';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { ApplicationStage, CriterionScore } from '@bandanh/contracts';
import { GRANTS_DB, type GrantsDatabase } from '../db/database.module';
import { GrantsRepository } from '../db/repository';
import {
  applications,
  decisions,
  relationships,
  reviews,
  rounds,
  type ApplicationRow,
  type DecisionRow,
  type ReviewRow,
  type RoundRow,
  type StoredDecision,
  type StoredEligibility,
} from '../db/schema';
import { GrantsOutbox } from '../outbox/grants-outbox';

/** A reviewer's load: assignments still open, and every one they had. */
export interface ReviewerLoad {
  userId: string;
  open: number;
  total: number;
}

@Injectable()
export class ApplicationRunRepository extends GrantsRepository {
  constructor(@Inject(GRANTS_DB) database: GrantsDatabase, outbox: GrantsOutbox) {
    super(database, outbox);
  }

  async find(id: string): Promise<ApplicationRow | undefined> {
    const [row] = await this.db.select().from(applications).where(eq(applications.id, id));
    return row;
  }

  async lockApplication(id: string): Promise<ApplicationRow | undefined> {
    const [row] = await this.db.select().from(applications).where(eq(applications.id, id)).for('update');
    return row;
  }

  async round(id: string): Promise<RoundRow | undefined> {
    const [row] = await this.db.select().from(rounds).where(eq(rounds.id, id));
    return row;
  }

  async setStage(
    id: string,
    stage: ApplicationStage,
    extra: { eligibility?: StoredEligibility; decision?: StoredDecision } = {},
  ): Promise<ApplicationRow> {
    const [row] = await this.db
      .update(applications)
      .set({ stage, ...extra, updatedAt: sql`now()` })
      .where(eq(applications.id, id))
      .returning();
    return row;
  }

  /** Every review of the application, conflicts included. */
  async reviewsOf(applicationId: string): Promise<ReviewRow[]> {
    return this.db.select().from(reviews).where(eq(reviews.applicationId, applicationId));
  }

  async review(applicationId: string, reviewerId: string): Promise<ReviewRow | undefined> {
    const [row] = await this.db
      .select()
      .from(reviews)
      .where(and(eq(reviews.applicationId, applicationId), eq(reviews.reviewerId, reviewerId)));
    return row;
  }

  /** Who declared a relationship with the CBO (or a conflict on one of its applications). */
  async relatedTo(cboId: string): Promise<string[]> {
    const rows = await this.db
      .select({ userId: relationships.userId })
      .from(relationships)
      .where(eq(relationships.cboId, cboId));
    return rows.map((row) => row.userId);
  }

  /** The load of each of `userIds` (zero for those never assigned). */
  async loads(userIds: readonly string[]): Promise<ReviewerLoad[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db
      .select({
        userId: reviews.reviewerId,
        open: sql<number>`count(*) filter (where ${reviews.status} in ('assigned', 'cleared'))::int`,
        total: count(),
      })
      .from(reviews)
      .where(inArray(reviews.reviewerId, [...userIds]))
      .groupBy(reviews.reviewerId);
    const byId = new Map(rows.map((row) => [row.userId, row]));
    return userIds.map((userId) => ({
      userId,
      open: Number(byId.get(userId)?.open ?? 0),
      total: Number(byId.get(userId)?.total ?? 0),
    }));
  }

  async assign(
    applicationId: string,
    reviewers: ReadonlyArray<{ userId: string; name: string | null }>,
  ): Promise<void> {
    if (reviewers.length === 0) return;
    await this.db
      .insert(reviews)
      .values(reviewers.map((r) => ({ applicationId, reviewerId: r.userId, reviewerName: r.name })))
      .onConflictDoNothing();
  }

  async declare(
    applicationId: string,
    reviewerId: string,
    conflict: boolean,
    note: string,
  ): Promise<ReviewRow> {
    const [row] = await this.db
      .update(reviews)
      .set({
        status: conflict ? 'conflict' : 'cleared',
        conflictNote: conflict ? note : null,
        declaredAt: sql`now()`,
      })
      .where(and(eq(reviews.applicationId, applicationId), eq(reviews.reviewerId, reviewerId)))
      .returning();
    return row;
  }

  /** A conflict declared on an application counts as a relationship with its CBO. */
  async relate(userId: string, cboId: string, cboName: string, note: string): Promise<void> {
    await this.db
      .insert(relationships)
      .values({
        userId,
        cboId,
        cboName,
        note: note || 'Conflict declared on an application',
        source: 'conflict',
      })
      .onConflictDoNothing();
  }

  async score(
    applicationId: string,
    reviewerId: string,
    input: { scores: CriterionScore[]; comment: string; total: number },
  ): Promise<ReviewRow> {
    const [row] = await this.db
      .update(reviews)
      .set({ ...input, status: 'scored', scoredAt: sql`now()` })
      .where(and(eq(reviews.applicationId, applicationId), eq(reviews.reviewerId, reviewerId)))
      .returning();
    return row;
  }

  /**
   * Takes `amount` from the round's envelope in one statement: nothing when less is left (the
   * round's row lock makes two approvals wait for each other, and the second sees the first's).
   */
  async commit(roundId: string, amount: number): Promise<RoundRow | undefined> {
    const [row] = await this.db
      .update(rounds)
      .set({ committed: sql`${rounds.committed} + ${amount}`, updatedAt: sql`now()` })
      .where(and(eq(rounds.id, roundId), sql`${rounds.committed} + ${amount} <= ${rounds.budget}`))
      .returning();
    return row;
  }

  async recordDecision(input: Omit<DecisionRow, 'id' | 'decidedAt'>): Promise<void> {
    await this.db.insert(decisions).values(input);
  }
}
