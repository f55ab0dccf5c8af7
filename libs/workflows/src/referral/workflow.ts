import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ReferralRefusal } from '@bandanh/contracts';
import { ACTIVITY_OPTIONS } from '../shared/activity-options';
import { REFUSAL } from '../shared/definitions';
import { closeTask, taskIdFor, waitForPerson } from '../shared/human-step';
import { OneStepAtATime } from '../shared/one-step-at-a-time';
import { refuse, requireActorGroup } from '../shared/refusals';
import {
  referralOutcomeUpdate,
  referralStatusQuery,
  type ReferralActivities,
  type ReferralFollowUpInput,
} from './definitions';

const { recordReferralOutcome } = proxyActivities<ReferralActivities>(ACTIVITY_OPTIONS);

/**
 * Follows a hotline referral up: a coordinator's task until its outcome is recorded, with
 * the same reminders and escalation as every task. An outcome "in progress" keeps it open
 * with a new task; any other closes it.
 */
export async function referralFollowUp({ referralId, cboId, label }: ReferralFollowUpInput): Promise<void> {
  const gate = new OneStepAtATime('The follow-up is being recorded; try again in a moment');
  const state = {
    status: 'open' as 'open' | 'closed',
    seq: 0,
    taskId: '',
    opened: '',
    round: 0,
  };
  setHandler(referralStatusQuery, () => state.status);

  setHandler(
    referralOutcomeUpdate,
    ({ actor, outcome, note }) =>
      gate.run(async () => {
        await recordReferralOutcome({
          referralId,
          outcome,
          note,
          recordedBy: actor.userId,
          round: state.round,
        });
        // The task's opening may still be on its way: close it once it is recorded.
        const taskId = state.taskId;
        await condition(() => state.opened === taskId);
        await closeTask(taskId, 'done', actor.userId);
        if (outcome !== 'in_progress') state.status = 'closed';
        state.round += 1;
        return { status: state.status };
      }),
    {
      validator: ({ actor }) => {
        requireActorGroup(actor, 'hotlineStaff', 'record the outcome of a referral');
        if (state.status === 'closed') {
          throw refuse('This referral is already closed', REFUSAL.wrongStage, {
            reason: 'already_closed' satisfies ReferralRefusal,
          });
        }
        gate.refuseIfBusy();
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
