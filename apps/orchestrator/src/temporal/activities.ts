import type { NatsRpc } from '@bandanh/platform';
import type {
  CboPipelineActivities,
  ExpansionActivities,
  GrantApplicationActivities,
  NotificationActivities,
  ReferralActivities,
  TrainingSessionActivities,
} from '@bandanh/workflows';
import { expansionActivities } from '../expansion/expansion-schedule.activities';
import { grantApplicationActivities } from '../grants/grants.activities';
import type { Mailer } from '../notifications/notifications.mailer';
import { decisionNotices, notificationActivities } from '../notifications/notifications.activities';
import type { NotificationsRepository } from '../notifications/notifications.repository';
import type { NotificationsService } from '../notifications/notifications.service';
import { pipelineActivities } from '../pipeline/pipeline.activities';
import { referralActivities } from '../referrals/referrals.activities';
import { taskActivities } from '../tasks/tasks.activities';
import { trainingSessionActivities } from '../training/training.activities';
import type { TasksService } from '../tasks/tasks.service';
import { serviceCall } from './service-call';

export type Activities = CboPipelineActivities &
  ReferralActivities &
  ExpansionActivities &
  NotificationActivities &
  TrainingSessionActivities &
  GrantApplicationActivities;

/** Every workflow's activities, built from their dependencies so a test can hand in others. */
export function createActivities({
  rpc,
  tasks,
  notifications,
  notificationLog,
  mailer,
  webUrl,
}: {
  rpc: NatsRpc;
  tasks: TasksService;
  notifications: Pick<NotificationsService, 'send'>;
  notificationLog: NotificationsRepository;
  mailer: Pick<Mailer, 'send'>;
  /** The web's address as people reach it (`WEB_URL`), for links in messages. */
  webUrl: string;
}): Activities {
  const send = serviceCall(rpc);
  return {
    ...taskActivities(tasks),
    ...pipelineActivities({ send, tasks, notifyDecision: decisionNotices({ send, notifications, webUrl }) }),
    ...notificationActivities({ log: notificationLog, mailer, send }),
    ...referralActivities({ send }),
    ...expansionActivities({ send }),
    ...trainingSessionActivities({ send }),
    ...grantApplicationActivities({ send, notifications, tasks, webUrl }),
  };
}
