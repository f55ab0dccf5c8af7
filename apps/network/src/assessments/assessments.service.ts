import { Injectable } from '@nestjs/common';
import type { Assessment, AssessmentDraft, Caller, ScorePart } from '@bandanh/contracts';
import { requireGroup, requireSystem } from '@bandanh/platform';
import { cboNotFound } from '../cbos/cbos.errors';
import { SettingsService } from '../settings/settings.service';
import { membersDoNotAddUp, scoresDoNotFit } from './assessments.errors';
import { AssessmentsRepository } from './assessments.repository';
import { scoreAssessment } from './scoring';

@Injectable()
export class AssessmentsService {
  constructor(
    private readonly repository: AssessmentsRepository,
    private readonly settings: SettingsService,
  ) {}

  /**
   * An assessor (or admin, or a workflow) previews a draft's score before recording it. With the
   * CBO, women and men must add up to the members recorded on it, unless the assessor confirms
   * that the count is now their sum (`updateMembersCount`): two numbers that cannot both be true
   * are refused, naming both.
   */
  async check(
    caller: Caller,
    draft: AssessmentDraft,
    cboId?: string,
  ): Promise<{ parts: ScorePart[]; total: number }> {
    if (caller.kind !== 'system') requireGroup(caller, 'scorers');
    if (cboId) await this.membersAddUp(cboId, draft);
    return this.score(draft);
  }

  private async membersAddUp(cboId: string, draft: AssessmentDraft): Promise<void> {
    const recorded = await this.repository.membersCountOf(cboId);
    if (recorded === undefined) throw cboNotFound(cboId);
    const counted = draft.membersWomen + draft.membersMen;
    if (recorded !== null && counted !== recorded && !draft.updateMembersCount) {
      throw membersDoNotAddUp(recorded, counted);
    }
  }

  /**
   * The orchestrator stores the assessment once per workflow step, scored on the rubric in
   * force, and keeps the members count on the CBO.
   */
  async record(
    caller: Caller,
    stepId: string,
    cboId: string,
    assessedBy: string,
    draft: AssessmentDraft,
  ): Promise<Assessment> {
    requireSystem(caller, 'orchestrator');
    const seen = await this.repository.findByStep(stepId);
    if (seen) return seen;
    const { parts, total } = await this.score(draft);
    const { scores: _scores, updateMembersCount: _update, ...facts } = draft;
    return this.repository.transaction(async (tx) => {
      if (!(await tx.cboExists(cboId))) throw cboNotFound(cboId);
      const membersBefore = await tx.membersCountOf(cboId);
      const assessment = await tx.insertOnce({ ...facts, stepId, cboId, assessedBy, parts, total });
      const membersCount = draft.membersWomen + draft.membersMen;
      await tx.setMembersCount(cboId, membersCount);
      await tx.audit({
        action: 'network.assessment.record',
        target: { type: 'assessment', id: assessment.id },
        actor: assessedBy,
        // The workflow's step: a retried activity records it once.
        eventId: `network.assessment.record:${stepId}`,
        details: {
          cboId,
          total,
          requestedBy: 'system:orchestrator',
          ...(membersBefore !== membersCount
            ? { before: { membersCount: membersBefore ?? null }, after: { membersCount } }
            : {}),
        },
      });
      return assessment;
    });
  }

  /**
   * Assessments are staff records: the CBO sees its stage and the decision's reason, not the
   * scores. The grants service asks who assessed a CBO (they never review or approve its grants).
   */
  async list(caller: Caller, cboId: string): Promise<Assessment[]> {
    if (!(caller.kind === 'system' && caller.service === 'grants')) requireGroup(caller, 'programmeStaff');
    return this.repository.listFor(cboId);
  }

  /** Scores the draft on the rubric in force, or says which scores are wrong. */
  private async score(draft: AssessmentDraft): Promise<{ parts: ScorePart[]; total: number }> {
    const { settings } = await this.settings.current();
    const result = scoreAssessment(settings.rubric, draft.scores);
    if ('issues' in result) throw scoresDoNotFit(result.issues);
    return result;
  }
}
