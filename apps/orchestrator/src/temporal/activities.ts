import { ApplicationFailure } from '@temporalio/common';
import {
  appendAudit,
  openDuePhase,
  recordAssessment,
  recordCboStage,
  recordReferralOutcome,
  screenCbo,
  type Contract,
  type ErrorCode,
  type RequestOf,
  type ResponseOf,
} from '@bandanh/contracts';
import { DomainError, systemCaller, type NatsRpc } from '@bandanh/platform';
import type { CboPipelineActivities, ExpansionActivities, ReferralActivities } from '@bandanh/workflows';
import type { TasksService } from '../tasks/tasks.module';

/** Refusals that a retry cannot change: the workflow hears them at once. */
const FINAL: readonly ErrorCode[] = ['VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN'];

export type Activities = CboPipelineActivities & ReferralActivities & ExpansionActivities;

/** Every workflow's activities, built from their dependencies so a test can hand in others. */
export function createActivities({ rpc, tasks }: { rpc: NatsRpc; tasks: TasksService }): Activities {
  const orchestrator = systemCaller('orchestrator');
  async function send<C extends Contract>(contract: C, input: RequestOf<C>): Promise<ResponseOf<C>> {
    try {
      return await rpc.send(contract, input, orchestrator);
    } catch (error) {
      if (error instanceof DomainError && FINAL.includes(error.code)) {
        throw ApplicationFailure.create({
          message: error.message,
          type: error.code,
          details: error.details ? [error.details] : [],
          nonRetryable: true,
        });
      }
      throw error;
    }
  }

  return {
    async recordStage({ cboId, stage, decision }) {
      await send(recordCboStage, { id: cboId, stage, decision });
    },
    screenCbo: ({ cboId }) => send(screenCbo, { cboId }),
    async auditDecision({ eventId, cboId, actorId, outcome }) {
      await send(appendAudit, {
        action: 'cbo.selection.decide',
        targetType: 'cbo',
        targetId: cboId,
        outcome: 'success',
        details: { outcome },
        onBehalfOf: actorId,
        eventId,
      });
    },
    async recordAssessment(input) {
      await send(recordAssessment, input);
    },
    async recordReferralOutcome({ referralId, outcome, note }) {
      await send(recordReferralOutcome, { id: referralId, outcome, note });
    },
    async openDuePhase({ asOf }) {
      return (await send(openDuePhase, { asOf })).opened;
    },
    openTask: (input) => tasks.open(input),
    remindTask: ({ taskId }) => tasks.remind(taskId),
    escalateTask: ({ taskId, toRole }) => tasks.escalate(taskId, toRole),
    closeTask: ({ taskId, status, closedBy }) => tasks.close(taskId, status, closedBy),
  };
}
