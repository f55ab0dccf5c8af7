import { Inject, Injectable } from '@nestjs/common';
import { asc, count, eq, inArray } from 'drizzle-orm';
import type { NewTrainingModule, TrainingModule, TrainingModuleDraft } from '@bandanh/contracts';
import { TRAINING_DB, type TrainingDatabase } from '../db/database.module';
import { TrainingRepository } from '../db/repository';
import { modules, type ModuleRow } from '../db/schema';
import { TrainingOutbox } from '../outbox/training-outbox';

function toModule({ createdAt: _created, updatedAt, ...module }: ModuleRow): TrainingModule {
  return { ...module, updatedAt: updatedAt.toISOString() };
}

@Injectable()
export class ModulesRepository extends TrainingRepository {
  constructor(@Inject(TRAINING_DB) database: TrainingDatabase, outbox: TrainingOutbox) {
    super(database, outbox);
  }

  async count(): Promise<number> {
    const [{ n }] = await this.db.select({ n: count() }).from(modules);
    return n;
  }

  /** The modules by English title; only the active ones unless `includeInactive`. */
  async list(includeInactive: boolean): Promise<TrainingModule[]> {
    const rows = await this.db
      .select()
      .from(modules)
      .where(includeInactive ? undefined : eq(modules.active, true))
      .orderBy(asc(modules.titleEn));
    return rows.map(toModule);
  }

  /** The module, locked until the transaction ends when `forUpdate`. */
  async find(id: string, forUpdate = false): Promise<TrainingModule | undefined> {
    const query = this.db.select().from(modules).where(eq(modules.id, id));
    const [row] = forUpdate ? await query.for('update') : await query;
    return row && toModule(row);
  }

  /** Which of `ids` the catalogue holds. */
  async existing(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .select({ id: modules.id })
      .from(modules)
      .where(inArray(modules.id, [...ids]));
    return rows.map((row) => row.id);
  }

  /** Adds the modules whose ids are new; answers those added. */
  async insert(...drafts: NewTrainingModule[]): Promise<TrainingModule[]> {
    const rows = await this.db.insert(modules).values(drafts).onConflictDoNothing().returning();
    return rows.map(toModule);
  }

  async update(id: string, draft: TrainingModuleDraft): Promise<TrainingModule | undefined> {
    const [row] = await this.db
      .update(modules)
      .set({ ...draft, updatedAt: new Date() })
      .where(eq(modules.id, id))
      .returning();
    return row && toModule(row);
  }
}
