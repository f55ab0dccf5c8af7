import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { StaffRole } from '@bandanh/contracts';
import { IDENTITY_DB, type Executor, type IdentityDatabase } from '../db/database.module';
import { invitations } from '../db/schema';

export type InvitationRow = typeof invitations.$inferSelect;

@Injectable()
export class InvitationsRepository {
  constructor(@Inject(IDENTITY_DB) private readonly database: IdentityDatabase) {}

  async insert(
    values: { tokenHash: string; email: string; roles: StaffRole[]; invitedBy: string; expiresAt: Date },
    executor: Executor,
  ): Promise<InvitationRow> {
    const [row] = await executor.insert(invitations).values(values).returning();
    return row;
  }

  /** The invitation behind a link, accepted or not. */
  async findByTokenHash(tokenHash: string): Promise<InvitationRow | undefined> {
    const [row] = await this.database.db
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, tokenHash));
    return row;
  }

  /** Marks it accepted; false when it already was (a concurrent second use). */
  async markAccepted(id: string, executor: Executor): Promise<boolean> {
    const taken = await executor
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    return taken.length > 0;
  }

  /** Not accepted and not expired (a revoked one has expired), newest first. */
  async listPending(now: Date): Promise<InvitationRow[]> {
    return this.database.db
      .select()
      .from(invitations)
      .where(and(isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)))
      .orderBy(desc(invitations.createdAt));
  }

  /** Ends a pending invitation now (its link then answers like an expired one); undefined when none was pending. */
  async expire(id: string, now: Date, executor: Executor): Promise<InvitationRow | undefined> {
    const [row] = await executor
      .update(invitations)
      .set({ expiresAt: now })
      .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)))
      .returning();
    return row;
  }
}
