import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { referralWorkflowId } from '@bandanh/contracts';
import {
  REFERRAL_FOLLOW_UP_WORKFLOW,
  referralOutcomeUpdate,
  type FollowUpStep,
  type ReferralFollowUpInput,
} from '@bandanh/workflows';
import { ORCHESTRATOR_CONFIG } from '../config/config.module';
import type { OrchestratorConfig } from '../config/env';
import { startOnce } from '../temporal/start-once';
import { runUpdate } from '../temporal/updates';

/** The referrals' follow-up workflows: the only code of this feature that knows the Temporal client. */
@Injectable()
export class ReferralWorkflows {
  constructor(
    private readonly client: Client,
    @Inject(ORCHESTRATOR_CONFIG) private readonly config: OrchestratorConfig,
  ) {}

  /** One follow-up per referral: a retry finds it already running. */
  start(input: ReferralFollowUpInput): Promise<{ workflowId: string; started: boolean }> {
    return startOnce(this.client, REFERRAL_FOLLOW_UP_WORKFLOW, {
      workflowId: referralWorkflowId(input.referralId),
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [input],
    });
  }

  /** Records an outcome through the follow-up's update; its refusals come back as the contracts' errors. */
  async recordOutcome(referralId: string, step: FollowUpStep): Promise<{ workflowId: string }> {
    const workflowId = referralWorkflowId(referralId);
    await runUpdate('Referral', referralId, () =>
      this.client.workflow.getHandle(workflowId).executeUpdate(referralOutcomeUpdate, { args: [step] }),
    );
    return { workflowId };
  }
}
