import { Injectable } from '@nestjs/common';
import type {
  Caller,
  Notification,
  NotificationRequest,
  NotificationStatus,
  ServiceName,
} from '@bandanh/contracts';
import { requireGroup, requirePerson } from '@bandanh/platform';
import { notYourCbo } from './notifications.errors';
import { NotificationsRepository } from './notifications.repository';
import { NotificationWorkflows } from './notifications.temporal';
import { renderNotification } from './notifications.templates';

/** The services that send messages for their own steps (password reset, decisions, reminders). */
const SENDERS: readonly ServiceName[] = ['identity', 'network', 'orchestrator', 'training', 'grants'];

/** The notification channel: who may send, and who sees which messages. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly workflows: NotificationWorkflows,
    private readonly notifications: NotificationsRepository,
  ) {}

  /**
   * Starts the message's workflow, once per key: a message whose template cannot be filled
   * is refused before anything starts; a key sent (or started) before answers `started: false`.
   */
  async send(
    caller: Caller,
    request: NotificationRequest,
  ): Promise<{ key: string; workflowId: string; started: boolean }> {
    const isSender = caller.kind === 'system' && (SENDERS as readonly string[]).includes(caller.service);
    if (!isSender) requireGroup(caller, 'admins');
    renderNotification(request.kind, request.locale, request.params);
    const { workflowId, started } = await this.workflows.start(request);
    return { key: request.key, workflowId, started };
  }

  /** Every message, newest first, for admins. */
  async list(
    caller: Caller,
    query: { status?: NotificationStatus; limit: number; offset: number },
  ): Promise<Notification[]> {
    requireGroup(caller, 'admins');
    return this.notifications.list({ status: query.status }, query);
  }

  /** A CBO's messages: its own members see them, and admins; nobody else. */
  /** The messages sent to the caller's own account, newest first: anyone signed in. */
  async mine(caller: Caller, limit: number): Promise<Notification[]> {
    const person = requirePerson(caller);
    return this.notifications.list({ userId: person.userId }, { limit, offset: 0 });
  }

  async forCbo(caller: Caller, cboId: string): Promise<Notification[]> {
    const person = requireGroup(caller, 'notificationReaders');
    if (person.kind === 'applicant' && person.cboId !== cboId) throw notYourCbo(cboId);
    const items = await this.notifications.list({ cboId }, { limit: 50, offset: 0 });
    // A member sees what was sent to the group, and the address only of what was sent to them.
    if (person.kind !== 'applicant') return items;
    return items.map((item) => (item.userId === person.userId ? item : { ...item, recipient: '' }));
  }
}
