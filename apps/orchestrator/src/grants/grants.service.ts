import { Inject, Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import {
  ROLE_GROUPS,
  hasRole,
  type Caller,
  type CriterionScore,
  type GrantApplicationRun,
  type GrantRefusal,
  type ParsedRequestOf,
  type startGrantApplicationRun,
} from '@bandanh/contracts';
import { DomainError, requireGroup, requirePerson, requireSystem } from '@bandanh/platform';
import {
  decideApprovalUpdate,
  decideEligibilityUpdate,
  declareConflictUpdate,
  scoreUpdate,
  type Actor,
  type GrantApplicationView,
} from '@bandanh/workflows';
import { ORCHESTRATOR_CONFIG } from '../config/config.module';
import type { OrchestratorConfig } from '../config/env';
import { stepOrEnded } from '../temporal/updates';
import { GrantApplicationWorkflows } from './grants.temporal';

type StartInput = ParsedRequestOf<typeof startGrantApplicationRun>;

/** The staff member asking, as the workflow checks them (their step's role, four eyes). */
function actorOf(staff: { userId: string; roles: Actor['roles'] }): Actor {
  return { userId: staff.userId, roles: staff.roles };
}

/**
 * A grant application's run as its callers see it. Each staff step is an update of the
 * application's workflow, the single writer of its stages, which refuses what is not allowed
 * now (wrong stage, not their step, four eyes, amounts) and whose activities have the grants
 * service keep and re-check it (the rubric, the envelope); this service decides who may ask at all.
 */
@Injectable()
export class GrantApplicationsService {
  constructor(
    private readonly workflows: GrantApplicationWorkflows,
    @Inject(ORCHESTRATOR_CONFIG) private readonly config: OrchestratorConfig,
  ) {}

  /**
   * The grants service's outbox starts an application's workflow, in the transaction of its first
   * submission; a person cannot. Once per application (`started: false` when it runs already).
   */
  async start(caller: Caller, input: StartInput): Promise<{ workflowId: string; started: boolean }> {
    requireSystem(caller, 'grants');
    return this.workflows.start({
      applicationId: input.applicationId,
      cboId: input.cboId,
      roundId: input.roundId,
      label: input.label,
      reviewerRetry: this.config.GRANT_REVIEWER_RETRY,
    });
  }

  /** The grants service says a returned application is submitted again (its outbox only). */
  async resubmitted(caller: Caller, applicationId: string, cycle: number): Promise<{ signalled: boolean }> {
    requireSystem(caller, 'grants');
    return { signalled: await this.workflows.signalResubmitted(applicationId, cycle) };
  }

  /** Grant readers see any application's run; a reviewer only that of an application they review. */
  async get(caller: Caller, applicationId: string): Promise<GrantApplicationRun> {
    const person = requirePerson(caller);
    const reader = hasRole(person, ...ROLE_GROUPS.grantReaders);
    if (!reader && !hasRole(person, ...ROLE_GROUPS.reviewers)) requireGroup(caller, 'grantReaders');
    const run = await this.workflows.view(applicationId);
    const reviews = run.reviews.filter(({ status }) => status !== 'conflict');
    if (!reader && !reviews.some(({ reviewerId }) => reviewerId === person.userId)) {
      throw new DomainError('FORBIDDEN', 'You are not assigned to review this application');
    }
    return run;
  }

  /** A coordinator's eligibility check; `ineligible` needs the reason the CBO reads. */
  async decideEligibility(
    caller: Caller,
    input: { applicationId: string; outcome: 'eligible' | 'ineligible'; reason: string },
  ): Promise<GrantApplicationRun> {
    const actor = actorOf(requireGroup(caller, 'eligibilityCheckers'));
    return this.step(input.applicationId, decideEligibilityUpdate, {
      actor,
      outcome: input.outcome,
      reason: input.reason,
    });
  }

  /** An assigned reviewer's declaration: a conflict ends their assignment. */
  async declareConflict(
    caller: Caller,
    input: { applicationId: string; conflict: boolean; note: string },
  ): Promise<GrantApplicationRun> {
    const actor = actorOf(requireGroup(caller, 'reviewers'));
    return this.step(input.applicationId, declareConflictUpdate, {
      actor,
      conflict: input.conflict,
      note: input.note,
    });
  }

  /** An assigned reviewer's scores, once they declared no conflict. */
  async score(
    caller: Caller,
    input: { applicationId: string; scores: CriterionScore[]; comment: string },
  ): Promise<GrantApplicationRun> {
    const actor = actorOf(requireGroup(caller, 'reviewers'));
    return this.step(input.applicationId, scoreUpdate, {
      actor,
      scores: input.scores,
      comment: input.comment,
    });
  }

  /** The current step's approver decides; the last approval takes the amount from the envelope. */
  async decide(
    caller: Caller,
    input: {
      applicationId: string;
      outcome: 'approve' | 'decline' | 'return';
      amount?: number;
      reason: string;
    },
  ): Promise<GrantApplicationRun> {
    const actor = actorOf(requireGroup(caller, 'grantApprovers'));
    return this.step(input.applicationId, decideApprovalUpdate, {
      actor,
      outcome: input.outcome,
      ...(input.amount !== undefined && { amount: input.amount }),
      reason: input.reason,
    });
  }

  /**
   * Runs a step's update. An application whose workflow has ended (declined) takes no update: the
   * step is refused as the running workflow would refuse it, with where it is.
   */
  private async step<A>(
    applicationId: string,
    update: UpdateDefinition<GrantApplicationView, [A]>,
    args: A,
  ): Promise<GrantApplicationRun> {
    return stepOrEnded(
      {
        update: () => this.workflows.update(applicationId, update, args),
        running: () => this.workflows.running(applicationId),
      },
      async () => {
        const { stage } = await this.workflows.view(applicationId);
        return new DomainError('CONFLICT', `The application is ${stage}, so it takes no more steps`, {
          reason: 'wrong_stage' satisfies GrantRefusal,
          stage,
        });
      },
    );
  }
}
