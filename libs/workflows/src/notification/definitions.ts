import type { NotificationRequest } from '@bandanh/contracts';

/** The registered name of the workflow that sends one message. */
export const NOTIFICATION_WORKFLOW = 'sendNotification';

/** One message: its key (the event it is about), kind, language, recipient and template values. */
export type NotificationInput = NotificationRequest;

/** How a message ended: delivered to the SMTP relay, or given up after its retries. */
export type NotificationOutcome = 'sent' | 'failed';

/** What the notification workflow asks of the orchestrator. */
export interface NotificationActivities {
  /**
   * Renders the message in the recipient's language, sends it over SMTP and records the
   * attempt (sent, or failed with its error). A failure is retried by Temporal; a message
   * already recorded as sent is not sent again.
   */
  deliverNotification(input: NotificationInput): Promise<void>;
  /** Records that the retries are spent: the message stays failed. */
  abandonNotification(input: { key: string; error: string }): Promise<void>;
}
