import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type {
  Notification,
  NotificationKind,
  NotificationLocale,
  NotificationStatus,
} from '@bandanh/contracts';
import { ORCHESTRATOR_DB, type OrchestratorDatabase } from '../db/database.module';
import { notifications, type NotificationRow } from '../db/schema';

function toNotification(row: NotificationRow): Notification {
  return {
    key: row.key,
    kind: row.kind,
    recipient: row.recipient,
    locale: row.locale,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    cboId: row.cboId,
    userId: row.userId,
  };
}

export interface QueuedNotification {
  key: string;
  kind: NotificationKind;
  recipient: string;
  locale: NotificationLocale;
  subject: string;
  cboId: string | null;
  userId: string | null;
}

/** The log of messages (`orchestrator.notifications`): one row per key, and its attempts. */
@Injectable()
export class NotificationsRepository {
  constructor(@Inject(ORCHESTRATOR_DB) private readonly database: OrchestratorDatabase) {}

  /** Records the message as queued unless its key is there already (a retried attempt). */
  async queue(message: QueuedNotification): Promise<void> {
    await this.database.db.insert(notifications).values(message).onConflictDoNothing();
  }

  async find(key: string): Promise<Notification | undefined> {
    const [row] = await this.database.db.select().from(notifications).where(eq(notifications.key, key));
    return row && toNotification(row);
  }

  /** One more attempt went through. */
  async markSent(key: string): Promise<void> {
    await this.database.db
      .update(notifications)
      .set({
        status: 'sent',
        attempts: sql`${notifications.attempts} + 1`,
        lastError: null,
        sentAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(notifications.key, key));
  }

  /** One more attempt failed, with `error` (no more than a line of it). */
  async markFailed(key: string, error: string, counts = true): Promise<void> {
    await this.database.db
      .update(notifications)
      .set({
        status: 'failed',
        ...(counts && { attempts: sql`${notifications.attempts} + 1` }),
        lastError: error.slice(0, 500),
        updatedAt: new Date(),
      })
      .where(and(eq(notifications.key, key), sql`${notifications.status} <> 'sent'`));
  }

  /** The newest messages first, all of them or those about one CBO, in one status or any. */
  async list(
    filter: { cboId?: string; userId?: string; status?: NotificationStatus },
    page: { limit: number; offset: number },
  ): Promise<Notification[]> {
    const conditions: SQL[] = [];
    if (filter.cboId) conditions.push(eq(notifications.cboId, filter.cboId));
    if (filter.userId) conditions.push(eq(notifications.userId, filter.userId));
    if (filter.status) conditions.push(eq(notifications.status, filter.status));
    const rows = await this.database.db
      .select()
      .from(notifications)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(notifications.createdAt), desc(notifications.key))
      .limit(page.limit)
      .offset(page.offset);
    return rows.map(toNotification);
  }
}
