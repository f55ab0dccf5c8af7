import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@bandanh/contracts';
import type { UserRow } from '../db/schema';
import { copy, type Shape } from '../testing/fakes';
import type { AccountsRepository, NewUser } from './accounts.repository';

/** An account row; an applicant unless told otherwise. */
export function aUser(overrides: Partial<UserRow> = {}): UserRow {
  const at = new Date('2026-01-05T08:00:00Z');
  return {
    id: randomUUID(),
    email: `${randomUUID().slice(0, 8)}@example.org`,
    displayName: 'Sokha',
    kind: 'applicant',
    roles: [],
    cboId: null,
    passwordHash: 'not a hash',
    totpSecret: null,
    totpEnabledAt: null,
    totpLastStep: null,
    disabledAt: null,
    locale: 'km',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function aStaffMember(roles: StaffRole[], overrides: Partial<UserRow> = {}): UserRow {
  return aUser({ kind: 'staff', roles, displayName: 'Dara', ...overrides });
}

/** The accounts in memory, with the email unique as in the table. */
export class InMemoryAccounts implements Shape<AccountsRepository> {
  readonly rows: UserRow[];

  constructor(...rows: UserRow[]) {
    this.rows = rows;
  }

  async findByEmail(email: string) {
    return copy(this.rows.find((row) => row.email === email));
  }

  async findById(id: string) {
    return copy(this.rows.find((row) => row.id === id));
  }

  async staffNames(ids: string[]) {
    return this.rows
      .filter((row) => ids.includes(row.id) && row.kind === 'staff')
      .map(({ id, displayName }) => ({ id, displayName }));
  }

  async activeStaffWithRole(role: StaffRole) {
    return this.rows
      .filter((row) => row.kind === 'staff' && row.roles.includes(role) && row.disabledAt === null)
      .sort((a, b) => a.email.localeCompare(b.email))
      .map(({ id, email, displayName, locale }) => ({ userId: id, email, displayName, locale }));
  }

  async insert(user: NewUser) {
    if (this.rows.some((row) => row.email === user.email)) return undefined;
    const row = aUser({ ...user, createdAt: new Date(), updatedAt: new Date() });
    this.rows.push(row);
    return copy(row);
  }

  async update(id: string, changes: Partial<Omit<UserRow, 'id'>>) {
    const row = this.rows.find((candidate) => candidate.id === id);
    if (row) Object.assign(row, changes, { updatedAt: new Date() });
    return copy(row);
  }

  setRoles(id: string, roles: StaffRole[]) {
    return this.update(id, { roles });
  }

  async all() {
    return [...this.rows].sort((a, b) => a.kind.localeCompare(b.kind) || a.email.localeCompare(b.email));
  }
}
