import { appendAudit, recordAssessment, recordCboStage, screenCbo } from '@bandanh/contracts';
import type { CboPipelineActivities, TaskActivities } from '@bandanh/workflows';
import type { ServiceCall } from '../temporal/service-call';
import type { TasksService } from '../tasks/tasks.service';
import type { DecisionNotice } from '../notifications/notifications.activities';

export type PipelineActivities = Omit<CboPipelineActivities, keyof TaskActivities>;

/** Every part's answer once all have settled (none is left running), or the first failure. */
async function settled<T extends readonly unknown[]>(
  parts: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results = await Promise.allSettled(parts);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as never;
}

/**
 * The key of a decision's notifications: the approver's decision by its audit event
 * (`<workflow id>:decision:<n>`), the programme rule's decline at set-up (once per pipeline).
 */
export function decisionKey(cboId: string, auditEventId: string | undefined): string {
  const n = auditEventId?.split(':decision:')[1];
  return `decision-${cboId}-${n ?? 'screened'}`;
}

/** The CBO pipeline's calls to the network and identity services, the inbox and the notifications. */
export function pipelineActivities({
  send,
  tasks,
  notifyDecision,
}: {
  send: ServiceCall;
  tasks: TasksService;
  /** Tells the CBO's members of a selection decision, once it is stored. */
  notifyDecision?: (notice: DecisionNotice) => Promise<void>;
}): PipelineActivities {
  const activities: PipelineActivities = {
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
    /**
     * One move of the pipeline: the assessment first (a refusal of it stops the move with
     * nothing changed), then the stage, the tasks and the audit entry together; once a
     * selection decision is stored, the CBO's members are told (one message per member and
     * decision). Every part is idempotent, so the workflow may retry the whole move.
     */
    async recordMove({ cboId, stage, decision, assessment, closeTask, openTask, audit, reassessmentWait }) {
      if (assessment) await activities.recordAssessment({ cboId, ...assessment });
      const [timings, screen] = await settled([
        openTask ? tasks.open(openTask) : null,
        reassessmentWait ? activities.screenCbo({ cboId }) : null,
        activities.recordStage({ cboId, stage, decision }),
        closeTask ? tasks.close(closeTask.taskId, closeTask.status, closeTask.closedBy) : null,
        audit ? activities.auditDecision({ cboId, ...audit }) : null,
      ] as const);
      if (decision && notifyDecision) {
        await notifyDecision({ cboId, key: decisionKey(cboId, audit?.eventId), ...decision });
      }
      return { timings, reassessmentWaitDays: screen?.reassessmentWaitDays ?? null };
    },
  };
  return activities;
}
