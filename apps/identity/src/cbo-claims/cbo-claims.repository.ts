import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq } from 'drizzle-orm';
import type { CboClaim } from '@bandanh/contracts';
import { IDENTITY_DB, type Executor, type IdentityDatabase } from '../db/database.module';
import { cboClaims, users } from '../db/schema';

export type ClaimRow = typeof cboClaims.$inferSelect;
export type ClaimDecision = Pick<ClaimRow, 'status' | 'decidedBy' | 'decidedAt'> &
  Partial<Pick<ClaimRow, 'cboId' | 'decisionReason'>>;

function toClaim(row: { claim: ClaimRow; applicantName: string; applicantEmail: string }): CboClaim {
  const { claim } = row;
  return {
    id: claim.id,
    userId: claim.userId,
    applicantName: row.applicantName,
    applicantEmail: row.applicantEmail,
    cboName: claim.cboName,
    provinceCode: claim.provinceCode,
    note: claim.note,
    status: claim.status,
    cboId: claim.cboId,
    decisionReason: claim.decisionReason,
    createdAt: claim.createdAt.toISOString(),
  };
}

@Injectable()
export class CboClaimsRepository {
  constructor(@Inject(IDENTITY_DB) private readonly database: IdentityDatabase) {}

  /** Claims with their applicant's name and email. */
  private select() {
    return this.database.db
      .select({ claim: cboClaims, applicantName: users.displayName, applicantEmail: users.email })
      .from(cboClaims)
      .innerJoin(users, eq(users.id, cboClaims.userId));
  }

  async find(id: string): Promise<CboClaim | undefined> {
    const [row] = await this.select().where(eq(cboClaims.id, id));
    return row && toClaim(row);
  }

  /** The newest 200 claims, of this status and this user when given. */
  async list(filter: { status?: ClaimRow['status']; userId?: string }): Promise<CboClaim[]> {
    const rows = await this.select()
      .where(
        and(
          filter.status ? eq(cboClaims.status, filter.status) : undefined,
          filter.userId ? eq(cboClaims.userId, filter.userId) : undefined,
        ),
      )
      .orderBy(desc(cboClaims.createdAt))
      .limit(200);
    return rows.map(toClaim);
  }

  async hasPending(userId: string, executor: Executor): Promise<boolean> {
    const [pending] = await executor
      .select({ id: cboClaims.id })
      .from(cboClaims)
      .where(and(eq(cboClaims.userId, userId), eq(cboClaims.status, 'pending')));
    return pending !== undefined;
  }

  /** Inserts a pending claim; answers its id. */
  async insert(
    userId: string,
    draft: { cboName: string; provinceCode: string; note: string },
    executor: Executor,
  ): Promise<string> {
    const [row] = await executor
      .insert(cboClaims)
      .values({ userId, ...draft })
      .returning({ id: cboClaims.id });
    return row.id;
  }

  /** The claim, locked until the transaction ends. */
  async lock(id: string, executor: Executor): Promise<ClaimRow | undefined> {
    const [claim] = await executor.select().from(cboClaims).where(eq(cboClaims.id, id)).for('update');
    return claim;
  }

  async decide(id: string, decision: ClaimDecision, executor: Executor): Promise<void> {
    await executor.update(cboClaims).set(decision).where(eq(cboClaims.id, id));
  }
}
