import { z } from 'zod';
import { NOTIFICATION_STATUSES, ROLE_GROUPS, listNotifications } from '@bandanh/contracts';
import { CboId, DENIED, defineRoute } from '../http/route-def';

/** A list of messages, as the orchestrator answers it. */
const NotificationList = listNotifications.response;

/** The notification channel's log: every message for admins, a CBO's for its members. */
export const NOTIFICATION_ROUTES = {
  listNotifications: defineRoute({
    method: 'GET',
    path: '/api/admin/notifications',
    operationId: 'listNotifications',
    summary: 'Every message sent, newest first, with its status, attempts and last error',
    tag: 'admin',
    access: ROLE_GROUPS.admins,
    query: z.object({
      status: z.enum(NOTIFICATION_STATUSES).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    status: 200,
    responses: { 200: { description: 'Notifications', schema: NotificationList }, ...DENIED },
  }),
  listMyNotifications: defineRoute({
    method: 'GET',
    path: '/api/me/notifications',
    operationId: 'listMyNotifications',
    summary: "The messages sent to the signed-in person's own account, newest first",
    tag: 'auth',
    access: 'signed-in',
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
    status: 200,
    responses: { 200: { description: 'Notifications', schema: NotificationList }, ...DENIED },
  }),
  listCboNotifications: defineRoute({
    method: 'GET',
    path: '/api/cbos/:id/notifications',
    operationId: 'listCboNotifications',
    summary: "The messages about a CBO: its own members see their group's, admins any",
    tag: 'network',
    access: ROLE_GROUPS.notificationReaders,
    params: CboId,
    status: 200,
    responses: { 200: { description: 'Notifications', schema: NotificationList }, ...DENIED },
  }),
};
