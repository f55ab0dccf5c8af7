import { z } from 'zod';
import { defineContract } from '../contract';
import { NotificationLocale } from '../orchestrator/notifications';
import { StaffRole } from './caller';

/** A staff member as a service that writes to them needs them: where, and in which language. */
export const StaffRecipient = z.object({
  userId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  /** The language they read (Khmer until they choose). */
  locale: NotificationLocale,
});
export type StaffRecipient = z.infer<typeof StaffRecipient>;

/**
 * The active staff accounts holding a role, by email; for the orchestrator only (the reminders
 * and escalations of the inbox's tasks). Disabled accounts are not among them.
 */
export const listStaffByRole = defineContract({
  subject: 'identity.account.byRole',
  request: z.object({ role: StaffRole }),
  response: z.object({ items: z.array(StaffRecipient) }),
});
