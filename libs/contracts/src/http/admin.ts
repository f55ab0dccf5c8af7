import { z } from 'zod';
import { Account, AuditEntry } from '../identity/identity';
import { listOf } from './list';

export const AccountList = listOf(Account);
export type AccountList = z.infer<typeof AccountList>;

/** One account, as it is after a change (its roles set, or linked to its CBO). */
export const AccountView = z.object({ account: Account });
export type AccountView = z.infer<typeof AccountView>;

/** Audit entries, newest first. */
export const AuditList = listOf(AuditEntry);
export type AuditList = z.infer<typeof AuditList>;

/**
 * A page of the audit log, newest first, with the cursors to the older and newer pages
 * (`before` and `after` of the next query) and the names to show instead of ids: the people
 * who acted or were acted on, and the CBOs and partners the entries are about.
 */
export const AuditPageView = z.object({
  items: z.array(AuditEntry),
  older: z.number().int().nullable(),
  newer: z.number().int().nullable(),
  people: z.record(z.string(), z.string()),
  records: z.record(z.string(), z.object({ name: z.string(), nameKm: z.string().nullable() })),
});
export type AuditPageView = z.infer<typeof AuditPageView>;

/** Staff members' display names by account id. */
export const StaffNameList = listOf(z.object({ id: z.uuid(), displayName: z.string() }));
export type StaffNameList = z.infer<typeof StaffNameList>;
