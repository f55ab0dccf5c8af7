import { Inject, Injectable } from '@nestjs/common';
import { and, arrayOverlaps, asc, eq, gte, inArray } from 'drizzle-orm';
import { TRAINING_DB, type TrainingDatabase } from '../db/database.module';
import { TrainingRepository } from '../db/repository';
import { TrainingOutbox } from '../outbox/training-outbox';
import { calendarTokens, modules, sessions, type ModuleRow, type SessionRow } from '../db/schema';

@Injectable()
export class CalendarRepository extends TrainingRepository {
  constructor(@Inject(TRAINING_DB) database: TrainingDatabase, outbox: TrainingOutbox) {
    super(database, outbox);
  }

  async tokenOf(trainerId: string): Promise<{ createdAt: Date } | undefined> {
    const [row] = await this.db
      .select({ createdAt: calendarTokens.createdAt })
      .from(calendarTokens)
      .where(eq(calendarTokens.trainerId, trainerId));
    return row;
  }

  /** Keeps the new token's hash for the trainer, replacing the old one. */
  async saveToken(trainerId: string, tokenHash: string): Promise<{ createdAt: Date }> {
    const now = new Date();
    const [row] = await this.db
      .insert(calendarTokens)
      .values({ trainerId, tokenHash, createdAt: now })
      .onConflictDoUpdate({ target: calendarTokens.trainerId, set: { tokenHash, createdAt: now } })
      .returning({ createdAt: calendarTokens.createdAt });
    return row;
  }

  async trainerByHash(tokenHash: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ trainerId: calendarTokens.trainerId })
      .from(calendarTokens)
      .where(eq(calendarTokens.tokenHash, tokenHash));
    return row?.trainerId;
  }

  /** The trainer's sessions starting from `from`, cancelled ones too, by start. */
  async sessionsOf(trainerId: string, from: Date): Promise<SessionRow[]> {
    return this.db
      .select()
      .from(sessions)
      .where(and(arrayOverlaps(sessions.trainerIds, [trainerId]), gte(sessions.startsAt, from)))
      .orderBy(asc(sessions.startsAt))
      .limit(1000);
  }

  async modules(ids: readonly string[]): Promise<ModuleRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .select()
      .from(modules)
      .where(inArray(modules.id, [...ids]));
  }
}
