import { Inject, Injectable } from '@nestjs/common';
import { and, count, eq, isNull } from 'drizzle-orm';
import { IDENTITY_DB, type Executor, type IdentityDatabase } from '../db/database.module';
import { recoveryCodes } from '../db/schema';

/** The single-use recovery codes of two-factor authentication (their hashes). */
@Injectable()
export class MfaRepository {
  constructor(@Inject(IDENTITY_DB) private readonly database: IdentityDatabase) {}

  /** The user's codes become exactly these. */
  async replaceRecoveryCodes(userId: string, codeHashes: string[], executor: Executor): Promise<void> {
    await executor.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await executor.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
  }

  /** How many of the user's recovery codes are unused. */
  async unusedRecoveryCodes(userId: string): Promise<number> {
    const [row] = await this.database.db
      .select({ n: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
    return row?.n ?? 0;
  }

  /** The user has no recovery codes any more. */
  async deleteRecoveryCodes(userId: string, executor: Executor): Promise<void> {
    await executor.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  }

  /** Marks the code used; false when the user has no such unused code. */
  async spendRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    const spent = await this.database.db
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(recoveryCodes.userId, userId),
          eq(recoveryCodes.codeHash, codeHash),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ codeHash: recoveryCodes.codeHash });
    return spent.length > 0;
  }
}
