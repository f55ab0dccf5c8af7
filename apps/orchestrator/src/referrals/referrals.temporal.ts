import { Inject, Injectable } from '@nestjs/common';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { ReferralRefusal, referralWorkflowId } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';
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

  /**
   * Records an outcome through the follow-up's update; its refusals come back as the contracts'
   * errors. The validator refuses a second outcome while the follow-up still runs; once it has
   * ended, Temporal answers "not found", which is the same refusal: the referral is closed.
   */
  async recordOutcome(referralId: string, step: FollowUpStep): Promise<{ workflowId: string }> {
    const workflowId = referralWorkflowId(referralId);
    const handle = this.client.workflow.getHandle(workflowId);
    try {
      await runUpdate('Referral', referralId, () =>
        handle.executeUpdate(referralOutcomeUpdate, { args: [step] }),
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND' && (await hasEnded(handle))) {
        throw new DomainError('CONFLICT', 'This referral is already closed', {
          reason: ReferralRefusal.enum.already_closed,
        });
      }
      throw error;
    }
    return { workflowId };
  }
}

/** True when the workflow ran and is over; false when there never was one. */
async function hasEnded(handle: WorkflowHandle): Promise<boolean> {
  try {
    return (await handle.describe()).status.name !== 'RUNNING';
  } catch {
    return false;
  }
}
