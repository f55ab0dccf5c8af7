import { Inject, Injectable } from '@nestjs/common';
import { and, arrayContains, asc, eq, inArray } from 'drizzle-orm';
import type { AvailabilityWindow, StoredException, Trainer } from '@bandanh/contracts';
import { TRAINING_DB, type TrainingDatabase } from '../db/database.module';
import { TrainingRepository } from '../db/repository';
import { modules, trainers, type TrainerRow } from '../db/schema';
import { TrainingOutbox } from '../outbox/training-outbox';

function toTrainer({ createdAt: _created, updatedAt, ...trainer }: TrainerRow): Trainer {
  return { ...trainer, updatedAt: updatedAt.toISOString() };
}

/** A trainer's profile as stored: every exception with its id. */
export interface TrainerRecord {
  moduleIds: string[];
  provinceCodes: string[];
  windows: AvailabilityWindow[];
  exceptions: StoredException[];
  active: boolean;
}

export interface TrainerFilter {
  moduleId?: string;
  provinceCode?: string;
  includeInactive: boolean;
}

@Injectable()
export class TrainersRepository extends TrainingRepository {
  constructor(@Inject(TRAINING_DB) database: TrainingDatabase, outbox: TrainingOutbox) {
    super(database, outbox);
  }

  /** Which of `ids` the catalogue holds. */
  async knownModules(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .select({ id: modules.id })
      .from(modules)
      .where(inArray(modules.id, [...ids]));
    return rows.map((row) => row.id);
  }

  async list({ moduleId, provinceCode, includeInactive }: TrainerFilter): Promise<Trainer[]> {
    const rows = await this.db
      .select()
      .from(trainers)
      .where(
        and(
          includeInactive ? undefined : eq(trainers.active, true),
          moduleId ? arrayContains(trainers.moduleIds, [moduleId]) : undefined,
          provinceCode ? arrayContains(trainers.provinceCodes, [provinceCode]) : undefined,
        ),
      )
      .orderBy(asc(trainers.createdAt), asc(trainers.userId));
    return rows.map(toTrainer);
  }

  /** The trainer's profile, locked until the transaction ends when `forUpdate`. */
  async find(userId: string, forUpdate = false): Promise<Trainer | undefined> {
    const query = this.db.select().from(trainers).where(eq(trainers.userId, userId));
    const [row] = forUpdate ? await query.for('update') : await query;
    return row && toTrainer(row);
  }

  /** Adds the profile, or replaces it whole. */
  async upsert(userId: string, record: TrainerRecord): Promise<Trainer> {
    const [row] = await this.db
      .insert(trainers)
      .values({ userId, ...record })
      .onConflictDoUpdate({ target: trainers.userId, set: { ...record, updatedAt: new Date() } })
      .returning();
    return toTrainer(row);
  }

  async updateAvailability(
    userId: string,
    availability: Pick<TrainerRecord, 'windows' | 'exceptions'>,
  ): Promise<Trainer | undefined> {
    const [row] = await this.db
      .update(trainers)
      .set({ ...availability, updatedAt: new Date() })
      .where(eq(trainers.userId, userId))
      .returning();
    return row && toTrainer(row);
  }
}
