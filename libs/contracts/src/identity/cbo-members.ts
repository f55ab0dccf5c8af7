import { z } from 'zod';
import { defineContract } from '../contract';
import { NotificationLocale } from '../orchestrator/notifications';

/** A CBO member's account, as a service that writes to them needs it. */
export const CboMember = z.object({
  userId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  /** The language they read (Khmer until they choose). */
  locale: NotificationLocale,
});
export type CboMember = z.infer<typeof CboMember>;

/** The active accounts linked to a CBO; for services only (the orchestrator's notifications). */
export const listCboMembers = defineContract({
  subject: 'identity.cboMember.list',
  request: z.object({ cboId: z.uuid() }),
  response: z.object({ items: z.array(CboMember) }),
});
