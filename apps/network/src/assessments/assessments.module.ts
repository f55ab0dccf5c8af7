import { Controller, Inject, Injectable, Module } from '@nestjs/common';
import { desc, eq } from 'drizzle-orm';
import {
  checkAssessment,
  listAssessments,
  recordAssessment,
  type Assessment,
  type AssessmentDraft,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { DomainError, Handles, requireRole, requireSystem } from '@bandanh/platform';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { assessments, cbos, type AssessmentRow } from '../db/schema';
import { SettingsModule, SettingsService } from '../settings/settings.service';
import { scoreAssessment } from './scoring';

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

@Injectable()
export class AssessmentsService {
  constructor(
    @Inject(NETWORK_DB) private readonly database: NetworkDatabase,
    private readonly settings: SettingsService,
  ) {}

  /** Scores the draft on the rubric in force, or says which scores are wrong. */
  async score(draft: AssessmentDraft) {
    const { settings } = await this.settings.current();
    const result = scoreAssessment(settings.rubric, draft.scores);
    if ('issues' in result) throw DomainError.invalid(result.issues, 'The scores do not fit the rubric');
    return result;
  }

  /** Stores the assessment once per workflow step, and keeps the members count on the CBO. */
  async record(
    stepId: string,
    cboId: string,
    assessedBy: string,
    draft: AssessmentDraft,
  ): Promise<Assessment> {
    const [seen] = await this.database.db.select().from(assessments).where(eq(assessments.stepId, stepId));
    if (seen) return toAssessment(seen);
    const { parts, total } = await this.score(draft);
    const { scores: _scores, ...facts } = draft;
    return this.database.db.transaction(async (tx) => {
      const [cbo] = await tx.select({ id: cbos.id }).from(cbos).where(eq(cbos.id, cboId));
      if (!cbo) throw DomainError.notFound('CBO', cboId);
      const [row] = await tx
        .insert(assessments)
        .values({ ...facts, stepId, cboId, assessedBy, parts, total })
        .onConflictDoNothing()
        .returning();
      await tx
        .update(cbos)
        .set({ membersCount: draft.membersWomen + draft.membersMen, updatedAt: new Date() })
        .where(eq(cbos.id, cboId));
      if (row) return toAssessment(row);
      const [stored] = await tx.select().from(assessments).where(eq(assessments.stepId, stepId));
      return toAssessment(stored);
    });
  }

  async list(cboId: string): Promise<Assessment[]> {
    const rows = await this.database.db
      .select()
      .from(assessments)
      .where(eq(assessments.cboId, cboId))
      .orderBy(desc(assessments.assessedAt));
    return rows.map(toAssessment);
  }
}

@Controller()
export class AssessmentsHandlers {
  constructor(private readonly service: AssessmentsService) {}

  @Handles(recordAssessment)
  async record(
    { stepId, cboId, assessedBy, draft }: ParsedRequestOf<typeof recordAssessment>,
    caller: Caller,
  ) {
    requireSystem(caller, 'orchestrator');
    return { assessment: await this.service.record(stepId, cboId, assessedBy, draft) };
  }

  @Handles(checkAssessment)
  check({ draft }: ParsedRequestOf<typeof checkAssessment>, caller: Caller) {
    if (caller.kind !== 'system') requireRole(caller, 'assessor', 'admin');
    return this.service.score(draft);
  }

  /** Assessments are staff records: the CBO sees its stage and the decision's reason, not the scores. */
  @Handles(listAssessments)
  async list({ cboId }: ParsedRequestOf<typeof listAssessments>, caller: Caller) {
    requireRole(caller, 'admin', 'coordinator', 'assessor', 'approver');
    return { items: await this.service.list(cboId) };
  }
}

@Module({
  imports: [SettingsModule],
  controllers: [AssessmentsHandlers],
  providers: [AssessmentsService],
})
export class AssessmentsModule {}
