import { Inject, Injectable } from '@nestjs/common';
import type { Account, Caller, StaffRole } from '@bandanh/contracts';
import { DomainError, requireRole } from '@bandanh/platform';
import { AuditRepository } from '../audit/audit.repository';
import { IDENTITY_DB, type IdentityDatabase } from '../db/database.module';
import { PasswordHasher, assertAcceptablePassword } from '../security/passwords';
import { SessionsService } from '../sessions/sessions.service';
import { UsersRepository, toAccount } from './users.repository';

@Injectable()
export class AccountsService {
  constructor(
    @Inject(IDENTITY_DB) private readonly database: IdentityDatabase,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  /** An applicant signs up on their own; they see nothing until linked to their CBO. */
  async signUp(email: string, displayName: string, password: string) {
    assertAcceptablePassword(password, email);
    const passwordHash = await this.hasher.hash(password);
    return this.database.db.transaction(async (tx) => {
      const user = await this.users.insert(
        { email, displayName, kind: 'applicant', roles: [], passwordHash },
        tx,
      );
      if (!user)
        throw new DomainError('CONFLICT', 'An account with this email already exists; sign in instead');
      const session = await this.sessions.open(user.id, tx);
      await this.audit.append(
        user.id,
        { action: 'account.sign_up', outcome: 'success', targetType: 'user', targetId: user.id },
        tx,
      );
      return { status: 'signed_in' as const, session, account: toAccount(user) };
    });
  }

  async list(caller: Caller): Promise<Account[]> {
    requireRole(caller, 'admin');
    return (await this.users.all()).map(toAccount);
  }

  /** An admin changes a staff member's roles; the change applies to their next request. */
  async setRoles(caller: Caller, userId: string, roles: StaffRole[]): Promise<Account> {
    const admin = requireRole(caller, 'admin');
    const user = await this.users.findById(userId);
    if (!user) throw DomainError.notFound('Account', userId);
    if (user.kind !== 'staff')
      throw DomainError.invalid([
        { path: 'roles', code: 'not_staff', message: 'Only staff accounts hold roles' },
      ]);
    if (user.id === admin.userId && !roles.includes('admin')) {
      throw new DomainError('CONFLICT', 'You cannot remove your own admin role; ask another admin');
    }
    const unique = [...new Set(roles)];
    return this.database.db.transaction(async (tx) => {
      const updated = await this.users.setRoles(user.id, unique, tx);
      await this.audit.append(
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
