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

/** Staff members' display names by account id. */
export const StaffNameList = listOf(z.object({ id: z.uuid(), displayName: z.string() }));
export type StaffNameList = z.infer<typeof StaffNameList>;
