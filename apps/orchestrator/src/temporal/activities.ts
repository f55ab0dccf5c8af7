import type { NatsRpc } from '@bandanh/platform';
import type { CboPipelineActivities, ExpansionActivities, ReferralActivities } from '@bandanh/workflows';
import { expansionActivities } from '../expansion/expansion-schedule.activities';
import { pipelineActivities } from '../pipeline/pipeline.activities';
import { referralActivities } from '../referrals/referrals.activities';
import { taskActivities } from '../tasks/tasks.activities';
import type { TasksService } from '../tasks/tasks.service';
import { serviceCall } from './service-call';

export type Activities = CboPipelineActivities & ReferralActivities & ExpansionActivities;

/** Every workflow's activities, built from their dependencies so a test can hand in others. */
export function createActivities({ rpc, tasks }: { rpc: NatsRpc; tasks: TasksService }): Activities {
  const send = serviceCall(rpc);
  return {
    ...taskActivities(tasks),
    ...pipelineActivities({ send, tasks }),
    ...referralActivities({ send }),
    ...expansionActivities({ send }),
  };
}
