import { Inject, Injectable } from '@nestjs/common';
import {
  approvalStepsFor,
  type ApplicationStage,
  type Caller,
  type EligibilityCheck,
  type EligibilityDecision,
  type GrantApplication,
  type GrantReview,
  type ParsedRequestOf,
  type ReviewScores,
  type recordGrantDecision,
} from '@bandanh/contracts';
import { DomainError, requireSystem } from '@bandanh/platform';
import { toApplication } from '../applications/applications.repository';
import { GRANTS_CONFIG, type GrantsConfig } from '../config/env';
import type { ApplicationRow, RoundRow, StoredDecision } from '../db/schema';
import { GrantsDirectory } from '../directory/directory';
import { applicationLink, message, notificationKey } from '../notifications/messages';
import { auditActorOf } from '../outbox/grants-audit';
import { chooseReviewers } from '../rules/reviewers';
import { automaticCheck } from '../rules/rounds';
import { scoreOnRubric } from '../rules/scores';
import { toReview } from '../reviews/reviews.repository';
import {
  alreadyDone,
  amountTooHigh,
  applicationNotFound,
  envelopeExhausted,
  fourEyes,
  isRefusal,
  notAssigned,
  notDeclared,
  reasonRequired,
  roundNotFound,
  wrongStage,
} from './application-run.errors';
import { ApplicationRunRepository } from './application-run.repository';

type Decision = ParsedRequestOf<typeof recordGrantDecision>;

/** The stages after which nothing more is decided in this cycle. */
const SETTLED: readonly ApplicationStage[] = ['draft', 'returned', 'declined', 'agreement'];

const ROUND_LOCK = 'grants.reviewers.assign';

/**
 * An application's run after it is submitted, step by step as its workflow (the orchestrator,
 * the single writer of the application's life) asks: the automatic check, the stages, the
 * reviewers and their declarations and scores, and the decisions, the last approval taking its
 * amount from the round's envelope atomically. Each step is once per workflow event id (`once`).
 */
@Injectable()
export class ApplicationRunService {
  constructor(
    private readonly repository: ApplicationRunRepository,
    private readonly directory: GrantsDirectory,
    @Inject(GRANTS_CONFIG) private readonly config: Pick<GrantsConfig, 'WEB_URL'>,
  ) {}

  private async load(applicationId: string): Promise<{ application: ApplicationRow; round: RoundRow }> {
    const application = await this.repository.find(applicationId);
    if (!application) throw applicationNotFound(applicationId);
    const round = await this.repository.round(application.roundId);
    if (!round) throw roundNotFound(application.roundId);
    return { application, round };
  }

  private async locked(tx: ApplicationRunRepository, applicationId: string): Promise<ApplicationRow> {
    const row = await tx.lockApplication(applicationId);
    if (!row) throw applicationNotFound(applicationId);
    return row;
  }

  private async current(applicationId: string): Promise<GrantApplication> {
    const row = await this.repository.find(applicationId);
    if (!row) throw applicationNotFound(applicationId);
    return toApplication(row);
  }

  /**
   * The automatic rules on the submitted application, the approval steps for its amount and who
   * may not approve it (the CBO's assessors and the submitter). Moves it to `eligibility`.
   */
  async begin(
    caller: Caller,
    input: { applicationId: string; eventId: string },
  ): Promise<{
    check: EligibilityCheck;
    steps: RoundRow['approvalChain'];
    reviewersPerApplication: number;
    excludedApprovers: string[];
    requested: number;
  }> {
    requireSystem(caller, 'orchestrator');
    const { application, round } = await this.load(input.applicationId);
    const cbo = await this.directory.cbo(application.cboId);
    const assessors = await this.directory.assessors(application.cboId);
    const { result } = await this.repository.once(
      { name: 'grants.run.begin', key: input.eventId, request: input },
      async (tx) => {
        const row = await this.locked(tx, input.applicationId);
        if (row.stage !== 'submitted' && row.stage !== 'eligibility') throw wrongStage(row.stage);
        const requested = row.requested;
        const check = automaticCheck({ cbo, round, requested, submittedAt: row.submittedAt ?? new Date() });
        const excluded = [...new Set([...assessors, ...(row.submittedBy ? [row.submittedBy] : [])])].sort();
        await tx.setStage(row.id, 'eligibility');
        await tx.audit({
          action: 'grants.application.check',
          target: { type: 'grant_application', id: row.id },
          actor: auditActorOf(caller),
          eventId: `grants.run.begin:${input.eventId}`,
          details: { cycle: row.submissions, check, requested },
          outcome: check.passed ? 'success' : 'failure',
        });
        return {
          check,
          steps: approvalStepsFor(round.approvalChain, requested),
          reviewersPerApplication: round.reviewersPerApplication,
          excludedApprovers: excluded,
          requested,
        };
      },
    );
    return result;
  }

  /** Records the stage the workflow reached; with the coordinator's eligibility check, kept and audited. */
  async recordStage(
    caller: Caller,
    input: {
      applicationId: string;
      stage: ApplicationStage;
      eligibility?: EligibilityDecision & { decidedBy: string };
      eventId: string;
    },
  ): Promise<GrantApplication> {
    requireSystem(caller, 'orchestrator');
    if (input.stage === 'draft') throw wrongStage('draft');
    if (input.eligibility?.outcome === 'ineligible' && !input.eligibility.reason.trim())
      throw reasonRequired();
    await this.repository.once(
      { name: 'grants.run.recordStage', key: input.eventId, request: input },
      async (tx) => {
        const row = await this.locked(tx, input.applicationId);
        if (row.stage === 'draft') throw wrongStage(row.stage);
        const eligibility = input.eligibility && {
          outcome: input.eligibility.outcome,
          reason: input.eligibility.reason,
          decidedBy: input.eligibility.decidedBy,
          decidedAt: new Date().toISOString(),
        };
        await tx.setStage(row.id, input.stage, eligibility ? { eligibility } : {});
        if (eligibility) {
          await tx.audit({
            action: 'grants.application.eligibility',
            target: { type: 'grant_application', id: row.id },
            actor: eligibility.decidedBy,
            eventId: `grants.run.eligibility:${input.eventId}`,
            details: { outcome: eligibility.outcome, reason: eligibility.reason, cycle: row.submissions },
          });
        }
        await tx.audit({
          action: 'grants.application.stage',
          target: { type: 'grant_application', id: row.id },
          actor: auditActorOf(caller),
          eventId: `grants.run.recordStage:${input.eventId}`,
          details: { from: row.stage, to: input.stage },
        });
        return { applicationId: row.id };
      },
    );
    return this.current(input.applicationId);
  }

  /**
   * Assigns up to `count` reviewers without a conflict with the CBO (they recorded, assessed or
   * trained it, declared a relationship with it or a conflict on this application) and not yet
   * on it, fewest open assignments first. Answers those assigned now (possibly fewer).
   */
  async assignReviewers(
    caller: Caller,
    input: { applicationId: string; count: number; eventId: string },
  ): Promise<{ reviewerIds: string[] }> {
    requireSystem(caller, 'orchestrator');
    const { application } = await this.load(input.applicationId);
    const cbo = await this.directory.cbo(application.cboId);
    const [assessors, trainers, staff] = await Promise.all([
      this.directory.assessors(application.cboId),
      this.directory.trainers(application.cboId),
      this.directory.reviewers(),
    ]);
    const { result } = await this.repository.once(
      { name: 'grants.run.assignReviewers', key: input.eventId, request: input },
      async (tx) => {
        // One assignment at a time, so that two applications do not both count the same load.
        await tx.lock(ROUND_LOCK);
        const row = await this.locked(tx, input.applicationId);
        if (SETTLED.includes(row.stage)) throw wrongStage(row.stage);
        const excluded = new Set<string>([
          ...(cbo?.foundBy ? [cbo.foundBy] : []),
          ...assessors,
          ...trainers,
          ...(await tx.relatedTo(row.cboId)),
          ...(await tx.reviewsOf(row.id)).map((review) => review.reviewerId),
          ...(row.submittedBy ? [row.submittedBy] : []),
        ]);
        const loads = await tx.loads(staff.map((person) => person.userId));
        const chosen = chooseReviewers(loads, excluded, input.count);
        const names = new Map(staff.map((person) => [person.userId, person.displayName]));
        await tx.assign(
          row.id,
          chosen.map((userId) => ({ userId, name: names.get(userId) ?? null })),
        );
        for (const reviewerId of chosen) {
          await tx.audit({
            action: 'grants.review.assign',
            target: { type: 'grant_application', id: row.id },
            actor: auditActorOf(caller),
            eventId: `grants.run.assignReviewers:${input.eventId}:${reviewerId}`,
            details: { reviewerId },
          });
        }
        return { reviewerIds: chosen };
      },
    );
    return result;
  }

  /**
   * A reviewer's declaration before seeing the application: no conflict (they may read and
   * score it) or a conflict (their assignment ends and it counts as a declared relationship).
   */
  async declare(
    caller: Caller,
    input: { applicationId: string; reviewerId: string; conflict: boolean; note: string; eventId: string },
  ): Promise<GrantReview> {
    requireSystem(caller, 'orchestrator');
    const { result } = await this.repository.once(
      { name: 'grants.run.declare', key: input.eventId, request: input },
      async (tx) => {
        const row = await this.locked(tx, input.applicationId);
        const review = await tx.review(row.id, input.reviewerId);
        if (!review) throw notAssigned();
        if (review.status !== 'assigned') throw alreadyDone(review.status);
        const declared = await tx.declare(row.id, input.reviewerId, input.conflict, input.note);
        if (input.conflict) await tx.relate(input.reviewerId, row.cboId, row.cboName, input.note);
        await tx.audit({
          action: input.conflict ? 'grants.review.conflict' : 'grants.review.clear',
          target: { type: 'grant_application', id: row.id },
          actor: input.reviewerId,
          eventId: `grants.run.declare:${input.eventId}`,
          details: { reviewerId: input.reviewerId, conflict: input.conflict, note: input.note },
        });
        return toReview(declared);
      },
    );
    return result;
  }

  /** A reviewer's scores on the round's rubric, each criterion once and within its top score. */
  async recordReview(
    caller: Caller,
    input: ReviewScores & { applicationId: string; reviewerId: string; eventId: string },
  ): Promise<GrantReview> {
    requireSystem(caller, 'orchestrator');
    const { round } = await this.load(input.applicationId);
    const { issues, total } = scoreOnRubric(round.rubric, input.scores);
    if (issues.length > 0) throw DomainError.invalid(issues, 'The scores do not match the rubric');
    const { result } = await this.repository.once(
      { name: 'grants.run.recordReview', key: input.eventId, request: input },
      async (tx) => {
        const row = await this.locked(tx, input.applicationId);
        const review = await tx.review(row.id, input.reviewerId);
        if (!review) throw notAssigned();
        if (review.status === 'assigned') throw notDeclared();
        if (review.status !== 'cleared') throw alreadyDone(review.status);
        const scored = await tx.score(row.id, input.reviewerId, {
          scores: input.scores,
          comment: input.comment,
          total,
        });
        await tx.audit({
          action: 'grants.review.score',
          target: { type: 'grant_application', id: row.id },
          actor: input.reviewerId,
          eventId: `grants.run.recordReview:${input.eventId}`,
          details: { reviewerId: input.reviewerId, scores: input.scores, total },
        });
        return toReview(scored);
      },
    );
    return result;
  }

  /**
   * Records a decision. `approved` takes the amount from the round's envelope atomically or is
   * refused `envelope_exhausted` with nothing changed (every refusal audited on its own);
   * `declined` and `returned` carry the reason the CBO reads, and `returned` reopens the draft.
   * The CBO's members are told of the final word.
   */
  async decide(caller: Caller, input: Decision): Promise<GrantApplication> {
    requireSystem(caller, 'orchestrator');
    const { application } = await this.load(input.applicationId);
    const reason = input.reason?.trim() ?? '';
    const members = input.outcome === 'step_approved' ? [] : await this.directory.members(application.cboId);
    try {
      if ((input.outcome === 'declined' || input.outcome === 'returned') && !reason) throw reasonRequired();
      await this.repository.once(
        { name: 'grants.run.decide', key: input.eventId, request: input },
        async (tx) => {
          const row = await this.locked(tx, input.applicationId);
          if (SETTLED.includes(row.stage)) throw wrongStage(row.stage);
          if (input.decidedBy) {
            const reviewers = (await tx.reviewsOf(row.id)).map((review) => review.reviewerId);
            if (input.decidedBy === row.submittedBy || reviewers.includes(input.decidedBy)) throw fourEyes();
          }
          const amount =
            input.outcome === 'approved' || input.outcome === 'step_approved'
              ? (input.amount ?? row.requested)
              : null;
          if (amount !== null && amount > row.requested) throw amountTooHigh(row.requested);
          const cycle = row.submissions;
          await tx.recordDecision({
            applicationId: row.id,
            cycle,
            outcome: input.outcome,
            step: input.step,
            role: input.role,
            decidedBy: input.decidedBy,
            amount,
            reason: reason || null,
            eventId: input.eventId,
          });
          let committed: number | null = null;
          if (input.outcome === 'approved') {
            const round = await tx.commit(row.roundId, amount!);
            if (!round) {
              const now = await tx.round(row.roundId);
              throw envelopeExhausted(now ? now.budget - now.committed : 0, amount!);
            }
            committed = round.committed;
          }
          const audit = {
            target: { type: 'grant_application', id: row.id },
            actor: input.decidedBy ?? auditActorOf(caller),
            eventId: `grants.run.decide:${input.eventId}`,
            details: {
              outcome: input.outcome,
              step: input.step,
              role: input.role,
              amount,
              reason,
              cycle,
              committed,
            },
          };
          if (input.outcome === 'step_approved') {
            await tx.audit({ action: 'grants.application.step_approved', ...audit });
            return { applicationId: row.id };
          }
          const decision: StoredDecision = {
            outcome: input.outcome,
            amount,
            reason: reason || null,
            decidedAt: new Date().toISOString(),
          };
          const stage: ApplicationStage =
            input.outcome === 'approved'
              ? 'agreement'
              : input.outcome === 'declined'
                ? 'declined'
                : 'returned';
          const decided = await tx.setStage(row.id, stage, { decision });
          await tx.audit({ action: `grants.application.${input.outcome}`, ...audit });
          for (const member of members) {
            await tx.notify(
              message(
                'grant_decided',
                notificationKey('grant-decided', row.id, String(cycle), input.outcome, member.userId),
                member,
                {
                  cboNameKm: decided.cboNameKm ?? decided.cboName,
                  cboNameEn: decided.cboName,
                  reference: decided.reference ?? '',
                  title: decided.plan.title,
                  outcome: input.outcome,
                  amount: amount ?? 0,
                  currency: decided.currency,
                  reason,
                  link: applicationLink(this.config.WEB_URL, member.locale, row.id),
                },
                row.cboId,
              ),
            );
          }
          return { applicationId: row.id };
        },
      );
    } catch (error) {
      if (isRefusal(error)) {
        // The refusal is in the audit log although the decision's transaction rolled back.
        await this.repository.transaction((tx) =>
          tx.audit({
            action: `grants.application.${input.outcome}`,
            target: { type: 'grant_application', id: input.applicationId },
            actor: input.decidedBy ?? auditActorOf(caller),
            eventId: `grants.run.decide:${input.eventId}:refused`,
            details: {
              outcome: input.outcome,
              step: input.step,
              role: input.role,
              amount: input.amount,
              ...error.details,
            },
            outcome: 'failure',
          }),
        );
      }
      throw error;
    }
    return this.current(input.applicationId);
  }
}
