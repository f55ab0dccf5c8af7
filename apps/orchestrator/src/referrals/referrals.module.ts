import { Controller, Inject, Injectable, Module } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  recordReferralFollowUp,
  referralWorkflowId,
  startReferralFollowUp,
  type Caller,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { Handles, requireRole, requireSystem } from '@bandanh/platform';
import {
  REFERRAL_FOLLOW_UP_WORKFLOW,
  referralOutcomeUpdate,
  type ReferralFollowUpInput,
} from '@bandanh/workflows';
import type { OrchestratorConfig } from '../config/env';
import { ORCHESTRATOR_CONFIG } from '../temporal/tokens';
import { runUpdate } from '../temporal/updates';

@Injectable()
export class ReferralsService {
  constructor(
    private readonly client: Client,
    @Inject(ORCHESTRATOR_CONFIG) private readonly config: OrchestratorConfig,
  ) {}

  /** One follow-up per referral: a retry finds it already running. */
  async start(input: ReferralFollowUpInput) {
    const workflowId = referralWorkflowId(input.referralId);
    try {
      await this.client.workflow.start(REFERRAL_FOLLOW_UP_WORKFLOW, {
        workflowId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      return { workflowId, started: true };
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
      throw error;
    }
  }
}

@Controller()
export class ReferralsHandlers {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly client: Client,
  ) {}

  @Handles(startReferralFollowUp)
  start(input: ParsedRequestOf<typeof startReferralFollowUp>, caller: Caller) {
    // The network service's outbox starts a follow-up, with the referral it committed.
    requireSystem(caller, 'network');
    return this.referrals.start(input);
  }

  @Handles(recordReferralFollowUp)
  async outcome(
    { referralId, outcome, note }: ParsedRequestOf<typeof recordReferralFollowUp>,
    caller: Caller,
  ) {
    const staff = requireRole(caller, 'coordinator', 'admin');
    const workflowId = referralWorkflowId(referralId);
    await runUpdate('Referral', referralId, () =>
      this.client.workflow.getHandle(workflowId).executeUpdate(referralOutcomeUpdate, {
        args: [{ actor: { userId: staff.userId, roles: staff.roles }, outcome, note }],
      }),
    );
    return { workflowId };
  }
}

@Module({ controllers: [ReferralsHandlers], providers: [ReferralsService] })
export class ReferralsModule {}
