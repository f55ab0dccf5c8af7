import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import { ACTIVITY_OPTIONS } from '../shared/activity-options';
import type { NotificationActivities, NotificationInput, NotificationOutcome } from './definitions';

/**
 * A message is retried with a growing pause (1 s, 2 s, 4 s … up to 10 minutes) for about an
 * hour and a half, then given up: an SMTP relay that is down for a day should not send
 * yesterday's news.
 */
export const NOTIFICATION_RETRY = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '10 minutes',
  maximumAttempts: 16,
} as const;

const { deliverNotification } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '1 minute',
  retry: NOTIFICATION_RETRY,
});
const { abandonNotification } = proxyActivities<NotificationActivities>(ACTIVITY_OPTIONS);

/**
 * Sends one message, once: the workflow id is `notification-<key>` and Temporal refuses a
 * second start of it, so the same event never mails twice. Each attempt is recorded by the
 * activity; once the retries are spent (or the relay refused the message for good) the
 * message stays failed, for admins to see.
 */
export async function sendNotification(input: NotificationInput): Promise<NotificationOutcome> {
  try {
    await deliverNotification(input);
    return 'sent';
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    await abandonNotification({ key: input.key, error: error.cause?.message ?? error.message });
    return 'failed';
  }
}
