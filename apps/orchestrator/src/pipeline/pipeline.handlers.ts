import { Controller, Module } from '@nestjs/common';
import {
  appendAudit,
  assessCbo,
  checkAssessment,
  decideSelection,
  getPipeline,
  reopenAssessment,
  startPipeline,
  withdrawCbo,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { DomainError, Handles, NatsRpc, requireRole, requireSystem, systemCaller } from '@bandanh/platform';
import type { Actor } from '@bandanh/workflows';
import { PipelineService } from './pipeline.service';

const ORCHESTRATOR = systemCaller('orchestrator');

/** The workflow decides with the roles the caller holds; the orchestrator vouches for them. */
function actorOf(caller: Caller): Actor {
  const staff = requireRole(caller, 'admin', 'coordinator', 'assessor', 'approver');
  return { userId: staff.userId, roles: staff.roles };
}

@Controller()
export class PipelineHandlers {
  constructor(
    private readonly pipelines: PipelineService,
    private readonly rpc: NatsRpc,
  ) {}

  @Handles(startPipeline)
  start({ cboId }: ParsedRequestOf<typeof startPipeline>, caller: Caller) {
    // The network service's outbox starts a CBO's pipeline, with the record it committed.
    requireSystem(caller, 'network');
    return this.pipelines.start(cboId);
  }

  @Handles(getPipeline)
  /** Staff see every pipeline; an applicant only their own CBO's. */
  get({ cboId }: ParsedRequestOf<typeof getPipeline>, caller: Caller) {
    const allowed =
      caller.kind === 'staff' ||
      caller.kind === 'system' ||
      (caller.kind === 'applicant' && caller.cboId === cboId);
    if (!allowed) throw DomainError.notFound('Pipeline of CBO', cboId);
    return this.pipelines.get(cboId);
  }

  /** The scores are checked against the rubric first, so a wrong score is a clear 400. */
  @Handles(assessCbo)
  async assess({ cboId, draft }: ParsedRequestOf<typeof assessCbo>, caller: Caller) {
    const actor = actorOf(caller);
    if (actor.roles.includes('assessor')) await this.rpc.send(checkAssessment, { draft }, ORCHESTRATOR);
    return this.pipelines.assess(cboId, actor, draft);
  }

  /**
   * A selection is an approval: the audit log keeps it (the workflow writes the decision, in
   * an activity that is retried) and every refusal of it (here: a refusal changes nothing).
   */
  @Handles(decideSelection)
  async decide({ cboId, decision }: ParsedRequestOf<typeof decideSelection>, caller: Caller) {
    const actor = actorOf(caller);
    try {
      return await this.pipelines.decide(cboId, actor, decision);
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'FORBIDDEN' || error.code === 'CONFLICT')) {
        await this.audit(caller, cboId, error.code === 'FORBIDDEN' ? 'denied' : 'failure', {
          outcome: decision.outcome,
          reason: error.details?.reason ?? error.code,
        });
      }
      throw error;
    }
  }

  private async audit(
    caller: Caller,
    cboId: string,
    outcome: 'success' | 'failure' | 'denied',
    details: object,
  ) {
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

  @Handles(reopenAssessment)
  reopen({ cboId }: ParsedRequestOf<typeof reopenAssessment>, caller: Caller) {
    return this.pipelines.reopen(cboId, actorOf(caller));
  }

  @Handles(withdrawCbo)
  withdraw({ cboId, reason }: ParsedRequestOf<typeof withdrawCbo>, caller: Caller) {
    return this.pipelines.withdraw(cboId, actorOf(caller), reason);
  }
}

@Module({ controllers: [PipelineHandlers], providers: [PipelineService] })
export class PipelineModule {}
