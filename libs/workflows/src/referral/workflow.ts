import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { REFUSAL } from '../cbo-pipeline/definitions';
import { closeTask, refuse, requireActorRole, taskIdFor, waitForPerson } from '../cbo-pipeline/human-step';
import {
  referralOutcomeUpdate,
  referralStatusQuery,
  type ReferralActivities,
  type ReferralFollowUpInput,
} from './definitions';

const { recordReferralOutcome } = proxyActivities<ReferralActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Follows a hotline referral up: a coordinator's task until its outcome is recorded, with
 * the same reminders and escalation as every task. An outcome "in progress" keeps it open
 * with a new task; any other closes it.
 */
export async function referralFollowUp({ referralId, cboId, label }: ReferralFollowUpInput): Promise<void> {
  const state = {
    status: 'open' as 'open' | 'closed',
    busy: false,
    seq: 0,
    taskId: '',
    opened: '',
    round: 0,
  };
  setHandler(referralStatusQuery, () => state.status);

  setHandler(
    referralOutcomeUpdate,
    async ({ actor, outcome, note }) => {
      state.busy = true;
      try {
        await recordReferralOutcome({ referralId, outcome, note });
        // The task's opening may still be on its way: close it once it is recorded.
        const taskId = state.taskId;
        await condition(() => state.opened === taskId);
        await closeTask(taskId, 'done', actor.userId);
        if (outcome !== 'in_progress') state.status = 'closed';
        state.round += 1;
        return { status: state.status };
      } finally {
        state.busy = false;
      }
    },
    {
      validator: ({ actor }) => {
        requireActorRole(actor, ['coordinator', 'admin'], 'record the outcome of a referral');
        if (state.status === 'closed') {
          throw refuse('This referral is already closed', REFUSAL.wrongStage, { reason: 'already_closed' });
        }
        if (state.busy) {
          throw refuse('The follow-up is being recorded; try again in a moment', REFUSAL.wrongStage, {
            reason: 'busy',
          });
        }
      },
    },
  );

  while (state.status === 'open') {
    const round = state.round;
    state.seq += 1;
    state.taskId = taskIdFor('follow_up_referral', state.seq);
    const taskId = state.taskId;
    await waitForPerson(
      {
        taskId,
        kind: 'follow_up_referral',
        cboId,
        subjectId: referralId,
        subjectLabel: label,
        assigneeRole: 'coordinator',
      },
      () => state.round !== round,
      () => {
        state.opened = taskId;
      },
    );
  }
}
