import { Inject, Injectable } from '@nestjs/common';
import { and, count, eq, gt, gte, isNull } from 'drizzle-orm';
import { IDENTITY_DB, type Executor, type IdentityDatabase } from '../db/database.module';
import { passwordResetTokens } from '../db/schema';

export type ResetTokenRow = typeof passwordResetTokens.$inferSelect;

/** A link neither used nor replaced, before its end. */
const live = () =>
  and(
    isNull(passwordResetTokens.usedAt),
    isNull(passwordResetTokens.replacedAt),
    gt(passwordResetTokens.expiresAt, new Date()),
  );

/** Password reset links (their hashes). */
@Injectable()
export class PasswordResetRepository {
  constructor(@Inject(IDENTITY_DB) private readonly database: IdentityDatabase) {}

  private on(executor?: Executor) {
    return executor ?? this.database.db;
  }

  /** How many links the account was given since `since`. */
  async countSince(userId: string, since: Date): Promise<number> {
    const [row] = await this.database.db
      .select({ n: count() })
      .from(passwordResetTokens)
      .where(and(eq(passwordResetTokens.userId, userId), gte(passwordResetTokens.createdAt, since)));
    return row?.n ?? 0;
  }

  async insert(
    values: { userId: string; tokenHash: string; expiresAt: Date },
    executor: Executor,
  ): Promise<ResetTokenRow> {
    const [row] = await executor.insert(passwordResetTokens).values(values).returning();
    return row;
  }

  /** Ends every live link of the account (a newer one replaces them); answers how many. */
  async replaceLive(userId: string, executor: Executor): Promise<number> {
    const replaced = await executor
      .update(passwordResetTokens)
      .set({ replacedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, userId), live()))
      .returning({ id: passwordResetTokens.id });
    return replaced.length;
  }

  /** The link with this hash, live or not. */
  async findByHash(tokenHash: string, executor?: Executor): Promise<ResetTokenRow | undefined> {
    const [row] = await this.on(executor)
      .select()
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.tokenHash, tokenHash));
    return row;
  }

  /** Spends a live link; false when it is no longer live (a second use, even a concurrent one). */
  async spend(id: string, executor: Executor): Promise<boolean> {
    const spent = await executor
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.id, id), live()))
      .returning({ id: passwordResetTokens.id });
    return spent.length > 0;
  }
}
