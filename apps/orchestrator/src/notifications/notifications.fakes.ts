import type { Notification, NotificationRequest } from '@bandanh/contracts';
import { CBO_ID } from '../testing/factories';
import type { QueuedNotification } from './notifications.repository';

/** Small factories for the notification channel's unit tests. */

export const MEMBER_ID = '22222222-2222-4222-8222-222222222222';

export function decisionMessage(overrides: Partial<NotificationRequest> = {}): NotificationRequest {
  return {
    key: `decision-${CBO_ID}-4-${MEMBER_ID}`,
    kind: 'cbo_decision',
    locale: 'en',
    recipient: { email: 'member@example.org', userId: MEMBER_ID },
    params: { cboName: 'Prey Lang Community Network', outcome: 'declined', reason: 'Too few members yet' },
    cboId: CBO_ID,
    ...overrides,
  };
}

/** The log of messages in memory, as the repository keeps it. */
export class InMemoryNotificationLog {
  readonly rows = new Map<string, Notification>();

  async queue(message: QueuedNotification): Promise<void> {
    if (this.rows.has(message.key)) return;
    this.rows.set(message.key, {
      ...message,
      status: 'queued',
      attempts: 0,
      lastError: null,
      sentAt: null,
      createdAt: new Date().toISOString(),
    });
  }

  async find(key: string): Promise<Notification | undefined> {
    const row = this.rows.get(key);
    return row && { ...row };
  }

  async markSent(key: string): Promise<void> {
    const row = this.rows.get(key);
    if (row)
      Object.assign(row, {
        status: 'sent',
        attempts: row.attempts + 1,
        lastError: null,
        sentAt: new Date().toISOString(),
      });
  }

  async markFailed(key: string, error: string, counts = true): Promise<void> {
    const row = this.rows.get(key);
    if (row && row.status !== 'sent') {
      Object.assign(row, { status: 'failed', attempts: row.attempts + (counts ? 1 : 0), lastError: error });
    }
  }
}
