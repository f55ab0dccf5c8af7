import { Inject, Injectable } from '@nestjs/common';
import { and, asc, count, eq, isNull, lte } from 'drizzle-orm';
import type { TargetDraft } from '@bandanh/contracts';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { NetworkRepository } from '../db/repository';
import { cbos, expansionPhases, targets } from '../db/schema';
import { NetworkOutbox } from '../outbox/network-outbox';

export type PhaseRecord = typeof expansionPhases.$inferSelect;
export type TargetRecord = typeof targets.$inferSelect;
/** How many CBOs a province has at a stage. */
export type StageCount = Pick<typeof cbos.$inferSelect, 'provinceCode' | 'stage'> & { n: number };

@Injectable()
export class ExpansionRepository extends NetworkRepository {
  constructor(@Inject(NETWORK_DB) database: NetworkDatabase, outbox: NetworkOutbox) {
    super(database, outbox);
  }

  async countPhases(): Promise<number> {
    const [{ phases }] = await this.db.select({ phases: count() }).from(expansionPhases);
    return phases;
  }

  phases(): Promise<PhaseRecord[]> {
    return this.db.select().from(expansionPhases).orderBy(asc(expansionPhases.seq));
  }

  async insertPhases(phases: PhaseRecord[]): Promise<void> {
    await this.db.insert(expansionPhases).values(phases);
  }

  /** The plan becomes `phases` (in the caller's transaction). */
  async replacePhases(phases: PhaseRecord[]): Promise<void> {
    await this.db.delete(expansionPhases);
    await this.db.insert(expansionPhases).values(phases);
  }

  /** The first phase of the plan not opened yet. */
  async nextUnopened(): Promise<PhaseRecord | undefined> {
    const [next] = await this.db
      .select()
      .from(expansionPhases)
      .where(isNull(expansionPhases.openedAt))
      .orderBy(asc(expansionPhases.seq))
      .limit(1);
    return next;
  }

  /** Opens the phase, unless it opened meanwhile or is not due on `today`. */
  async open(seq: number, at: Date, today: string): Promise<PhaseRecord | undefined> {
    const [opened] = await this.db
      .update(expansionPhases)
      .set({ openedAt: at })
      .where(
        and(
          eq(expansionPhases.seq, seq),
          isNull(expansionPhases.openedAt),
          lte(expansionPhases.opensOn, today),
        ),
      )
      .returning();
    return opened;
  }

  targets(): Promise<TargetRecord[]> {
    return this.db.select().from(targets).orderBy(asc(targets.position));
  }

  /** Stores the targets in this order. */
  async insertTargets(drafts: TargetDraft[]): Promise<void> {
    await this.db.insert(targets).values(drafts.map((target, i) => ({ ...target, position: i })));
  }

  /** The targets become `drafts` (in the caller's transaction). */
  async replaceTargets(drafts: TargetDraft[]): Promise<void> {
    await this.db.delete(targets);
    if (drafts.length > 0) await this.insertTargets(drafts);
  }

  /** CBOs per province and stage. */
  stageCounts(): Promise<StageCount[]> {
    return this.db
      .select({ provinceCode: cbos.provinceCode, stage: cbos.stage, n: count() })
      .from(cbos)
      .groupBy(cbos.provinceCode, cbos.stage);
  }
}
