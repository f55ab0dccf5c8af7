import { Inject, Injectable } from '@nestjs/common';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { IDENTITY_DB, type Executor, type IdentityDatabase } from '../db/database.module';
import { sessions, signInAttempts, signInChallenges } from '../db/schema';

export type SessionRow = typeof sessions.$inferSelect;
export type ChallengeRow = typeof signInChallenges.$inferSelect;
export type AttemptsRow = typeof signInAttempts.$inferSelect;

/** Sessions, sign-in challenges, and the failed sign-ins per address. */
@Injectable()
export class SessionsRepository {
  constructor(@Inject(IDENTITY_DB) private readonly database: IdentityDatabase) {}

  private on(executor?: Executor) {
    return executor ?? this.database.db;
  }

  async create(
    values: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date },
    executor?: Executor,
  ): Promise<SessionRow> {
    const [row] = await this.on(executor).insert(sessions).values(values).returning();
    return row;
  }

  async findLive(tokenHash: string): Promise<SessionRow | undefined> {
    const [row] = await this.database.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt)));
    return row;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.database.db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
  }

  async end(id: string): Promise<boolean> {
    const ended = await this.database.db
      .update(sessions)
      .set({ endedAt: new Date() })
      .where(and(eq(sessions.id, id), isNull(sessions.endedAt)))
      .returning({ id: sessions.id });
    return ended.length > 0;
  }

  /** Ends every live session of the user but `keep`; answers how many. */
  async endOthers(userId: string, keep: string | undefined, executor?: Executor): Promise<number> {
    const ended = await this.on(executor)
      .update(sessions)
      .set({ endedAt: new Date() })
      .where(
        and(eq(sessions.userId, userId), isNull(sessions.endedAt), keep ? ne(sessions.id, keep) : undefined),
      )
      .returning({ id: sessions.id });
    return ended.length;
  }

  /** Spends every pending sign-in challenge of the user (their password or second factor changed). */
  async endChallenges(userId: string, executor?: Executor): Promise<number> {
    const ended = await this.on(executor)
      .update(signInChallenges)
      .set({ usedAt: new Date() })
      .where(and(eq(signInChallenges.userId, userId), isNull(signInChallenges.usedAt)))
      .returning({ tokenHash: signInChallenges.tokenHash });
    return ended.length;
  }

  async createChallenge(values: {
    tokenHash: string;
    userId: string;
    email: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.database.db.insert(signInChallenges).values(values);
  }

  /** The challenge with this hash, spent or not. */
  async findChallenge(tokenHash: string): Promise<ChallengeRow | undefined> {
    const [row] = await this.database.db
      .select()
      .from(signInChallenges)
      .where(eq(signInChallenges.tokenHash, tokenHash));
    return row;
  }

  /** Spends a challenge; false when it was already spent (a concurrent second use). */
  async useChallenge(tokenHash: string): Promise<boolean> {
    const used = await this.database.db
      .update(signInChallenges)
      .set({ usedAt: new Date() })
      .where(and(eq(signInChallenges.tokenHash, tokenHash), isNull(signInChallenges.usedAt)))
      .returning({ tokenHash: signInChallenges.tokenHash });
    return used.length > 0;
  }

  async attempts(email: string): Promise<AttemptsRow | undefined> {
    const [row] = await this.database.db.select().from(signInAttempts).where(eq(signInAttempts.email, email));
    return row;
  }

  /** Counts one more failure; locks the address when `lockAfter` is reached. Answers the new count. */
  async recordFailure(email: string, lockAfter: number, lockUntil: Date): Promise<number> {
    const now = new Date();
    const [row] = await this.database.db
      .insert(signInAttempts)
      .values({ email, failures: 1, lastFailureAt: now, lockedUntil: lockAfter <= 1 ? lockUntil : null })
      .onConflictDoUpdate({
        target: signInAttempts.email,
        set: {
          failures: sql`${signInAttempts.failures} + 1`,
          lastFailureAt: now,
          lockedUntil: sql`case when ${signInAttempts.failures} + 1 >= ${lockAfter} then ${lockUntil.toISOString()}::timestamptz else ${signInAttempts.lockedUntil} end`,
        },
      })
      .returning({ failures: signInAttempts.failures });
    return row.failures;
  }

  async clearFailures(email: string): Promise<void> {
    await this.database.db.delete(signInAttempts).where(eq(signInAttempts.email, email));
  }
}
