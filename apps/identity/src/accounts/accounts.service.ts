import { Injectable } from '@nestjs/common';
import type { Account, Caller, StaffRecipient, StaffRole } from '@bandanh/contracts';
import { DomainError, requireGroup, requireSystem } from '@bandanh/platform';
import { Transactions } from '../db/database.module';
import { AuditService } from '../audit/audit.service';
import { notStaff, ownAdminRole } from './accounts.errors';
import { AccountsRepository, toAccount } from './accounts.repository';

@Injectable()
export class AccountsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async list(caller: Caller): Promise<Account[]> {
    requireGroup(caller, 'admins');
    return (await this.accounts.all()).map(toAccount);
  }

  /** Any staff member may know a colleague's name; applicants and services may not ask. */
  staffNames(caller: Caller, ids: string[]): Promise<Array<{ id: string; displayName: string }>> {
    if (caller.kind !== 'staff') throw new DomainError('FORBIDDEN', 'Only staff may look up staff names');
    return this.accounts.staffNames(ids);
  }

  /**
   * The active staff holding a role, each with the language they read: for the orchestrator,
   * which reminds them of their tasks and tells them of escalations; nobody else asks.
   */
  async staffWithRole(caller: Caller, role: StaffRole): Promise<StaffRecipient[]> {
    requireSystem(caller, 'orchestrator', 'training', 'grants');
    return this.accounts.activeStaffWithRole(role);
  }

  /** An admin changes a staff member's roles; the change applies to their next request. */
  async setRoles(caller: Caller, userId: string, roles: StaffRole[]): Promise<Account> {
    const admin = requireGroup(caller, 'admins');
    const user = await this.accounts.findById(userId);
    if (!user) throw DomainError.notFound('Account', userId);
    if (user.kind !== 'staff') throw notStaff();
    if (user.id === admin.userId && !roles.includes('admin')) throw ownAdminRole();
    const unique = [...new Set(roles)];
    return this.transactions.run(async (tx) => {
      const updated = await this.accounts.setRoles(user.id, unique, tx);
      await this.audit.record(
        admin.userId,
        {
          action: 'account.roles_change',
          outcome: 'success',
          targetType: 'user',
          targetId: user.id,
          details: { before: user.roles, after: unique },
        },
        tx,
      );
      return toAccount(updated!);
    });
  }
}
