import { Inject, Injectable } from '@nestjs/common';
import { desc, eq } from 'drizzle-orm';
import type { Assessment } from '@bandanh/contracts';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { NetworkRepository } from '../db/repository';
import { assessments, cbos, type AssessmentRow } from '../db/schema';
import { NetworkOutbox } from '../outbox/network-outbox';

function toAssessment(row: AssessmentRow): Assessment {
  return {
    id: row.id,
    cboId: row.cboId,
    assessedBy: row.assessedBy,
    assessedAt: row.assessedAt.toISOString(),
    membersWomen: row.membersWomen,
    membersMen: row.membersMen,
    ongoingActivities: row.ongoingActivities,
    plannedActivities: row.plannedActivities,
    ambitions: row.ambitions,
    leadership: row.leadership,
    meetingsHeld: row.meetingsHeld,
    recordsKept: row.recordsKept,
    registration: row.registration,
    risks: row.risks,
    parts: row.parts,
    total: row.total,
  };
}

export type NewAssessment = Omit<typeof assessments.$inferInsert, 'id' | 'assessedAt'>;

@Injectable()
export class AssessmentsRepository extends NetworkRepository {
  constructor(@Inject(NETWORK_DB) database: NetworkDatabase, outbox: NetworkOutbox) {
    super(database, outbox);
  }

  /** The assessment a workflow step stored, if it did. */
  async findByStep(stepId: string): Promise<Assessment | undefined> {
    const [row] = await this.db.select().from(assessments).where(eq(assessments.stepId, stepId));
    return row && toAssessment(row);
  }

  /** The members recorded on the CBO (null when none were), or undefined when there is no such CBO. */
  async membersCountOf(cboId: string): Promise<number | null | undefined> {
    const [cbo] = await this.db
      .select({ membersCount: cbos.membersCount })
      .from(cbos)
      .where(eq(cbos.id, cboId));
    return cbo?.membersCount;
  }

  async cboExists(cboId: string): Promise<boolean> {
    const [cbo] = await this.db.select({ id: cbos.id }).from(cbos).where(eq(cbos.id, cboId));
    return cbo !== undefined;
  }

  /** Stores the assessment once per step: a step stored meanwhile answers with what it stored. */
  async insertOnce(values: NewAssessment): Promise<Assessment> {
    const [row] = await this.db.insert(assessments).values(values).onConflictDoNothing().returning();
    if (row) return toAssessment(row);
    return (await this.findByStep(values.stepId)) as Assessment;
  }

  async setMembersCount(cboId: string, membersCount: number): Promise<void> {
    await this.db.update(cbos).set({ membersCount, updatedAt: new Date() }).where(eq(cbos.id, cboId));
  }

  /** A CBO's assessments, newest first. */
  async listFor(cboId: string): Promise<Assessment[]> {
    const rows = await this.db
      .select()
      .from(assessments)
      .where(eq(assessments.cboId, cboId))
      .orderBy(desc(assessments.assessedAt));
    return rows.map(toAssessment);
  }
}
