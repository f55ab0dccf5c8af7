import { Inject, Injectable } from '@nestjs/common';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { GrantReview, StaffRelationship } from '@bandanh/contracts';
import { GRANTS_DB, type GrantsDatabase } from '../db/database.module';
import { GrantsRepository } from '../db/repository';
import {
  applications,
  relationships,
  reviews,
  rounds,
  type ApplicationRow,
  type RelationshipRow,
  type ReviewRow,
  type RoundRow,
} from '../db/schema';
import { GrantsOutbox } from '../outbox/grants-outbox';

export function toReview(row: ReviewRow): GrantReview {
  return {
    applicationId: row.applicationId,
    reviewerId: row.reviewerId,
    reviewerName: row.reviewerName,
    status: row.status,
    conflictNote: row.conflictNote,
    scores: row.scores,
    comment: row.comment,
    total: row.total,
    assignedAt: row.assignedAt.toISOString(),
    declaredAt: row.declaredAt?.toISOString() ?? null,
    scoredAt: row.scoredAt?.toISOString() ?? null,
  };
}

export function toRelationship(row: RelationshipRow): StaffRelationship {
  return {
    userId: row.userId,
    cboId: row.cboId,
    cboName: row.cboName,
    note: row.note,
    declaredAt: row.declaredAt.toISOString(),
  };
}

@Injectable()
export class ReviewsRepository extends GrantsRepository {
  constructor(@Inject(GRANTS_DB) database: GrantsDatabase, outbox: GrantsOutbox) {
    super(database, outbox);
  }

  async application(id: string): Promise<ApplicationRow | undefined> {
    const [row] = await this.db.select().from(applications).where(eq(applications.id, id));
    return row;
  }

  /** The application's reviews, in the order they were assigned. */
  async reviewsOf(applicationId: string): Promise<ReviewRow[]> {
    return this.db
      .select()
      .from(reviews)
      .where(eq(reviews.applicationId, applicationId))
      .orderBy(asc(reviews.assignedAt), asc(reviews.reviewerId));
  }

  /** A reviewer's assignments with their applications and rounds, open first, newest first. */
  async assignedTo(
    reviewerId: string,
  ): Promise<Array<{ review: ReviewRow; application: ApplicationRow; round: RoundRow }>> {
    return this.db
      .select({ review: reviews, application: applications, round: rounds })
      .from(reviews)
      .innerJoin(applications, eq(applications.id, reviews.applicationId))
      .innerJoin(rounds, eq(rounds.id, applications.roundId))
      .where(eq(reviews.reviewerId, reviewerId))
      .orderBy(
        sql`case when ${reviews.status} in ('assigned', 'cleared') then 0 else 1 end`,
        desc(reviews.assignedAt),
      )
      .limit(500);
  }

  /** How many reviews of each application are scored. */
  async scoredCounts(applicationIds: readonly string[]): Promise<Map<string, number>> {
    if (applicationIds.length === 0) return new Map();
    const rows = await this.db
      .select({ applicationId: reviews.applicationId, n: count() })
      .from(reviews)
      .where(and(inArray(reviews.applicationId, [...applicationIds]), eq(reviews.status, 'scored')))
      .groupBy(reviews.applicationId);
    return new Map(rows.map((row) => [row.applicationId, row.n]));
  }

  async relationshipsOf(userId: string): Promise<RelationshipRow[]> {
    return this.db
      .select()
      .from(relationships)
      .where(eq(relationships.userId, userId))
      .orderBy(desc(relationships.declaredAt));
  }

  /** Records the relationship; undefined when the person had declared it already. */
  async declare(input: {
    userId: string;
    cboId: string;
    cboName: string | null;
    note: string;
  }): Promise<RelationshipRow | undefined> {
    const [row] = await this.db.insert(relationships).values(input).onConflictDoNothing().returning();
    return row;
  }

  async relationship(userId: string, cboId: string): Promise<RelationshipRow | undefined> {
    const [row] = await this.db
      .select()
      .from(relationships)
      .where(and(eq(relationships.userId, userId), eq(relationships.cboId, cboId)));
    return row;
  }

  async remove(userId: string, cboId: string): Promise<boolean> {
    const rows = await this.db
      .delete(relationships)
      .where(and(eq(relationships.userId, userId), eq(relationships.cboId, cboId)))
      .returning();
    return rows.length > 0;
  }
}
