import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ROLE_GROUPS,
  appendAudit,
  checkAssessment,
  getCbo,
  hasRole,
  type AssessmentDraft,
  type Caller,
  type PipelineState,
  type SelectionDecision,
} from '@bandanh/contracts';
import { DomainError, NatsRpc, requireGroup, requireSystem, systemCaller } from '@bandanh/platform';
import {
  assessUpdate,
  decideUpdate,
  reopenUpdate,
  withdrawUpdate,
  type Actor,
  type PipelineView,
} from '@bandanh/workflows';
import type { UpdateDefinition } from '@temporalio/common';
import { pipelineEnded, pipelineNotFound } from './pipeline.errors';
import { PipelineWorkflows } from './pipeline.temporal';

const ORCHESTRATOR = systemCaller('orchestrator');

/**
 * How long a step waits for a pipeline whose start is on its way (the network service's outbox
 * has it: the CBO is recorded, its workflow not started yet), and how often it looks again.
 */
const PIPELINE_START_WAIT_MS = 5_000;
const PIPELINE_START_POLL_MS = 100;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The workflow decides with the roles the caller holds; the orchestrator vouches for them. */
function actorOf(caller: Caller): Actor {
  const staff = requireGroup(caller, 'programmeStaff');
  return { userId: staff.userId, roles: staff.roles };
}

/**
 * A CBO's pipeline as its callers see it. Each step is an update of the pipeline's workflow,
 * the single writer of the stage, which refuses what is not allowed now; this service decides
 * who may ask, and keeps the rules around the step (the rubric check, the audit of a refusal).
 */
@Injectable()
export class PipelineService {
  constructor(
    private readonly workflows: PipelineWorkflows,
    private readonly rpc: NatsRpc,
  ) {}

  /** The network service's outbox starts a CBO's pipeline, with the record it committed; a person cannot. */
  async start(caller: Caller, cboId: string): Promise<{ workflowId: string; started: boolean }> {
    requireSystem(caller, 'network');
    return this.workflows.start(cboId);
  }

  /**
   * The training service's outbox tells a CBO's pipeline that its training has started (its
   * first confirmed seat): at `participant` it moves to `training`; at any other stage the
   * pipeline ignores it. A CBO without a running pipeline answers `signalled: false`.
   */
  async trainingStarted(caller: Caller, cboId: string): Promise<{ signalled: boolean }> {
    requireSystem(caller, 'training');
    return { signalled: await this.workflows.signalTrainingStarted(cboId) };
  }

  /** Staff see every pipeline; an applicant only their own CBO's. */
  async get(caller: Caller, cboId: string): Promise<PipelineState> {
    const allowed =
      caller.kind === 'staff' ||
      caller.kind === 'system' ||
      (caller.kind === 'applicant' && caller.cboId === cboId);
    if (!allowed) throw pipelineNotFound(cboId);
    return this.workflows.view(cboId);
  }

  /** The scores are checked against the rubric first, so a wrong score is a clear 400. */
  async assess(caller: Caller, cboId: string, draft: AssessmentDraft): Promise<PipelineState> {
    const actor = actorOf(caller);
    if (hasRole(caller, ...ROLE_GROUPS.assessors))
      await this.rpc.send(checkAssessment, { draft, cboId }, ORCHESTRATOR);
    return this.step(cboId, assessUpdate, { actor, draft });
  }

  /**
   * A selection is an approval: the audit log keeps it (the workflow writes the decision, in
   * an activity that is retried) and every refusal of it (here: a refusal changes nothing).
   */
  async decide(caller: Caller, cboId: string, decision: SelectionDecision): Promise<PipelineState> {
    const actor = actorOf(caller);
    try {
      return await this.step(cboId, decideUpdate, { actor, decision });
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'FORBIDDEN' || error.code === 'CONFLICT')) {
        await this.auditRefusal(caller, cboId, error.code === 'FORBIDDEN' ? 'denied' : 'failure', {
          outcome: decision.outcome,
          reason: error.details?.reason ?? error.code,
        });
      }
      throw error;
    }
  }

  /** Reopening an assessment is written down with who asked; the stage it moves to, by the network. */
  async reopen(caller: Caller, cboId: string): Promise<PipelineState> {
    const actor = actorOf(caller);
    const state = await this.step(cboId, reopenUpdate, { actor });
    await this.auditStep(
      'cbo.assessment.reopen',
      actor,
      cboId,
      `cbo.assessment.reopen:${cboId}:${randomUUID()}`,
      {
        stage: state.stage,
      },
    );
    return state;
  }

  /**
   * A withdrawal is written down with who withdrew the CBO and why (once: it ends the pipeline,
   * and the entry's event is the CBO's withdrawal).
   */
  async withdraw(caller: Caller, cboId: string, reason: string): Promise<PipelineState> {
    const actor = actorOf(caller);
    const state = await this.step(cboId, withdrawUpdate, { actor, reason });
    await this.auditStep('cbo.withdraw', actor, cboId, `cbo.withdraw:${cboId}`, { reason });
    return state;
  }

  private async auditStep(
    action: string,
    actor: Actor,
    cboId: string,
    eventId: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.rpc.send(
      appendAudit,
      {
        action,
        targetType: 'cbo',
        targetId: cboId,
        outcome: 'success',
        onBehalfOf: actor.userId,
        eventId,
        details,
      },
      ORCHESTRATOR,
    );
  }

  /**
   * Runs a step's update. A pipeline that has ended (withdrawn) takes no update: the step is
   * refused as at the wrong stage, as a running pipeline would refuse it. A step sent just after
   * the CBO was recorded, while its pipeline's start is still on its way, waits for it (briefly)
   * instead of finding no pipeline; for a CBO that is not recorded it is NOT_FOUND at once.
   */
  private async step<A>(
    cboId: string,
    update: UpdateDefinition<PipelineView, [A]>,
    args: A,
  ): Promise<PipelineState> {
    const until = Date.now() + PIPELINE_START_WAIT_MS;
    let recorded: boolean | undefined;
    for (;;) {
      try {
        return await this.workflows.update(cboId, update, args);
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'NOT_FOUND')) throw error;
        const found = await this.workflows.find(cboId);
        if (found && !found.running) throw pipelineEnded(found.stage);
        if (!found) {
          recorded ??= await this.isRecorded(cboId);
          if (!recorded) throw error;
        }
        // Started meanwhile (the step is sent again), or about to be: look again in a moment.
        if (Date.now() >= until) throw error;
        if (!found) await pause(PIPELINE_START_POLL_MS);
      }
    }
  }

  /** Whether the network service has the CBO (then its pipeline's start is in its outbox). */
  private isRecorded(cboId: string): Promise<boolean> {
    return this.rpc.send(getCbo, { id: cboId }, ORCHESTRATOR).then(
      () => true,
      (error: unknown) => {
        if (error instanceof DomainError && error.code === 'NOT_FOUND') return false;
        throw error;
      },
    );
  }

  private async auditRefusal(
    caller: Caller,
    cboId: string,
    outcome: 'failure' | 'denied',
    details: object,
  ): Promise<void> {
    await this.rpc.send(
      appendAudit,
      {
        action: 'cbo.selection.decide',
        targetType: 'cbo',
        targetId: cboId,
        outcome,
        details: { ...details },
        ...(caller.kind === 'staff' ? { onBehalfOf: caller.userId } : {}),
      },
      ORCHESTRATOR,
    );
  }
}
