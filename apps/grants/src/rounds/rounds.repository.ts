import { Inject, Injectable } from '@nestjs/common';
import { and, count, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { GrantRound, GrantRoundDraft } from '@bandanh/contracts';
import { GRANTS_DB, type GrantsDatabase } from '../db/database.module';
import { GrantsRepository } from '../db/repository';
import { applications, rounds, type RoundRow } from '../db/schema';
import { GrantsOutbox } from '../outbox/grants-outbox';
import { roundState } from '../rules/rounds';

/** A stored round as the contracts show it, its state by the dates at `now`. */
export function toRound(row: RoundRow, now: Date = new Date()): GrantRound {
  const opensAt = row.opensAt.toISOString();
  const closesAt = row.closesAt.toISOString();
  return {
    id: row.id,
    nameKm: row.nameKm,
    nameEn: row.nameEn,
    currency: row.currency,
    budget: row.budget,
    minAmount: row.minAmount,
    maxAmount: row.maxAmount,
    opensAt,
    closesAt,
    eligibility: row.eligibility,
    rubric: row.rubric,
    reviewersPerApplication: row.reviewersPerApplication,
    blindReview: row.blindReview,
    approvalChain: row.approvalChain,
    state: roundState({ opensAt, closesAt }, now),
    committed: row.committed,
    remaining: row.budget - row.committed,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const fields = (draft: GrantRoundDraft) => ({
  nameKm: draft.nameKm,
  nameEn: draft.nameEn,
  currency: draft.currency,
  budget: draft.budget,
  minAmount: draft.minAmount,
  maxAmount: draft.maxAmount,
  opensAt: new Date(draft.opensAt),
  closesAt: new Date(draft.closesAt),
  eligibility: draft.eligibility,
  rubric: draft.rubric,
  reviewersPerApplication: draft.reviewersPerApplication,
  blindReview: draft.blindReview,
  approvalChain: draft.approvalChain,
});

@Injectable()
export class RoundsRepository extends GrantsRepository {
  constructor(@Inject(GRANTS_DB) database: GrantsDatabase, outbox: GrantsOutbox) {
    super(database, outbox);
  }

  async insert(draft: GrantRoundDraft, createdBy: string): Promise<RoundRow> {
    const [row] = await this.db
      .insert(rounds)
      .values({ ...fields(draft), createdBy })
      .returning();
    return row;
  }

  /** The round, locked for the rest of the transaction. */
  async lockRound(id: string): Promise<RoundRow | undefined> {
    const [row] = await this.db.select().from(rounds).where(eq(rounds.id, id)).for('update');
    return row;
  }

  async update(id: string, draft: GrantRoundDraft): Promise<RoundRow> {
    const [row] = await this.db
      .update(rounds)
      .set({ ...fields(draft), updatedAt: sql`now()` })
      .where(eq(rounds.id, id))
      .returning();
    return row;
  }

  async find(id: string): Promise<RoundRow | undefined> {
    const [row] = await this.db.select().from(rounds).where(eq(rounds.id, id));
    return row;
  }

  /** How many applications the round has (drafts included). */
  async applicationCount(roundId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(applications)
      .where(eq(applications.roundId, roundId));
    return row?.n ?? 0;
  }

  /** Every round, newest first (by opening), optionally only those in `state` at `now`. */
  async list(state: 'upcoming' | 'open' | 'closed' | undefined, now: Date): Promise<RoundRow[]> {
    const where =
      state === 'upcoming'
        ? gt(rounds.opensAt, now)
        : state === 'open'
          ? and(lte(rounds.opensAt, now), gt(rounds.closesAt, now))
          : state === 'closed'
            ? lte(rounds.closesAt, now)
            : undefined;
    return this.db
      .select()
      .from(rounds)
      .where(where)
      .orderBy(desc(rounds.opensAt), desc(rounds.id))
      .limit(500);
  }

  /** The rounds the CBO has applied to (a draft counts). */
  async appliedBy(cboId: string): Promise<RoundRow[]> {
    const ids = this.db
      .select({ id: applications.roundId })
      .from(applications)
      .where(eq(applications.cboId, cboId));
    return this.db.select().from(rounds).where(inArray(rounds.id, ids)).orderBy(desc(rounds.opensAt));
  }
}
