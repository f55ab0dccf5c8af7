import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@bandanh/contracts';
import { copy, type Shape } from '../testing/fakes';
import type { InvitationRow, InvitationsRepository } from './invitations.repository';

export class InMemoryInvitations implements Shape<InvitationsRepository> {
  readonly rows: InvitationRow[] = [];

  async insert(values: {
    tokenHash: string;
    email: string;
    roles: StaffRole[];
    invitedBy: string;
    expiresAt: Date;
  }) {
    const row: InvitationRow = { id: randomUUID(), acceptedAt: null, createdAt: new Date(), ...values };
    this.rows.push(row);
    return row;
  }

  async findByTokenHash(tokenHash: string) {
    return copy(this.rows.find((row) => row.tokenHash === tokenHash));
  }

  async markAccepted(id: string) {
    const row = this.rows.find((candidate) => candidate.id === id && candidate.acceptedAt === null);
    if (row) row.acceptedAt = new Date();
    return row !== undefined;
  }

  async listPending(now: Date) {
    return this.rows
      .filter((row) => row.acceptedAt === null && row.expiresAt > now)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((row) => ({ ...row }));
  }

  async expire(id: string, now: Date) {
    const row = this.rows.find(
      (candidate) => candidate.id === id && candidate.acceptedAt === null && candidate.expiresAt > now,
    );
    if (row) row.expiresAt = now;
    return copy(row);
  }
}
