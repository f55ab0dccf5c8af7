import { Inject, Injectable } from '@nestjs/common';
import { and, arrayContains, asc, eq, inArray, isNull } from 'drizzle-orm';
import { mfaRequiredFor, type Account, type StaffRecipient, type StaffRole } from '@bandanh/contracts';
import { IDENTITY_DB, type Executor, type IdentityDatabase } from '../db/database.module';
import { users, type UserRow } from '../db/schema';

export function toAccount(row: UserRow): Account {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    kind: row.kind,
    roles: row.roles,
    cboId: row.cboId,
    mfaEnabled: row.totpEnabledAt !== null,
    mfaRequired: row.kind === 'staff' && mfaRequiredFor(row.roles),
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

export type NewUser = Pick<UserRow, 'email' | 'displayName' | 'kind' | 'roles' | 'passwordHash'> & {
  cboId?: string | null;
  /** The language they read; Khmer when not said. */
  locale?: UserRow['locale'];
};

@Injectable()
/** The accounts (the `users` table), which every feature of identity reads. */
export class AccountsRepository {
  constructor(@Inject(IDENTITY_DB) private readonly database: IdentityDatabase) {}

  private on(executor?: Executor) {
    return executor ?? this.database.db;
  }

  async findByEmail(email: string, executor?: Executor): Promise<UserRow | undefined> {
    const [row] = await this.on(executor).select().from(users).where(eq(users.email, email));
    return row;
  }

  /** Display names of the staff accounts among `ids`. */
  async staffNames(ids: string[]): Promise<Array<{ id: string; displayName: string }>> {
    if (ids.length === 0) return [];
    return this.database.db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(and(inArray(users.id, ids), eq(users.kind, 'staff')));
  }

  /** The staff accounts holding `role` that are not disabled, by email. */
  async activeStaffWithRole(role: StaffRole): Promise<StaffRecipient[]> {
    return this.database.db
      .select({
        userId: users.id,
        email: users.email,
        displayName: users.displayName,
        locale: users.locale,
      })
      .from(users)
      .where(and(eq(users.kind, 'staff'), arrayContains(users.roles, [role]), isNull(users.disabledAt)))
      .orderBy(asc(users.email));
  }

  async findById(id: string, executor?: Executor): Promise<UserRow | undefined> {
    const [row] = await this.on(executor).select().from(users).where(eq(users.id, id));
    return row;
  }

  /** Inserts, or answers undefined when the email is taken. */
  async insert(user: NewUser, executor?: Executor): Promise<UserRow | undefined> {
    const [row] = await this.on(executor)
      .insert(users)
      .values(user)
      .onConflictDoNothing({ target: users.email })
      .returning();
    return row;
  }

  async update(
    id: string,
    changes: Partial<Omit<UserRow, 'id'>>,
    executor?: Executor,
  ): Promise<UserRow | undefined> {
    const [row] = await this.on(executor)
      .update(users)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    return row;
  }

  async setRoles(id: string, roles: StaffRole[], executor?: Executor): Promise<UserRow | undefined> {
    return this.update(id, { roles }, executor);
  }

  async all(): Promise<UserRow[]> {
    return this.database.db.select().from(users).orderBy(asc(users.kind), asc(users.email));
  }
}
