import { Inject, Injectable } from '@nestjs/common';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Caller, StaffRole } from '@bandanh/contracts';
import { DomainError, randomToken, requireRole, sha256 } from '@bandanh/platform';
import { AuditRepository } from '../audit/audit.repository';
import { UsersRepository, toAccount } from '../accounts/users.repository';
import type { IdentityConfig } from '../config/env';
import { IDENTITY_DB, type IdentityDatabase } from '../db/database.module';
import { invitations } from '../db/schema';
import { PasswordHasher, assertAcceptablePassword } from '../security/passwords';
import { IDENTITY_CONFIG } from '../security/security.module';
import { SessionsService } from '../sessions/sessions.service';

/** Staff join by an admin's invitation: an expiring, single-use link. */
@Injectable()
export class InvitationsService {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @Inject(IDENTITY_DB) private readonly database: IdentityDatabase,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async create(caller: Caller, email: string, roles: StaffRole[]) {
    const admin = requireRole(caller, 'admin');
    if (await this.users.findByEmail(email))
      throw new DomainError('CONFLICT', 'An account with this email already exists');
    const token = randomToken();
    const expiresAt = new Date(Date.now() + this.config.INVITATION_TTL_HOURS * 3_600_000);
    const unique = [...new Set(roles)];
    return this.database.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(invitations)
        .values({ tokenHash: sha256(token), email, roles: unique, invitedBy: admin.userId, expiresAt })
        .returning();
      await this.audit.append(
        admin.userId,
        {
          action: 'invitation.create',
          outcome: 'success',
          targetType: 'invitation',
          targetId: row.id,
          details: { roles: unique },
        },
        tx,
      );
      return { invitation: { id: row.id, email, roles: unique, expiresAt: expiresAt.toISOString() }, token };
    });
  }

  /** The live invitation behind a link, or NOT_FOUND (the same for unknown, used and expired). */
  private async find(token: string) {
    const [invitation] = await this.database.db
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.tokenHash, sha256(token)),
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      );
    if (!invitation)
      throw new DomainError(
        'NOT_FOUND',
        'This invitation link is not valid, was already used, or has expired',
      );
    return invitation;
  }

  async describe(token: string) {
    const invitation = await this.find(token);
    const { id, email, roles, expiresAt } = invitation;
    return { invitation: { id, email, roles, expiresAt: expiresAt.toISOString() } };
  }

  async accept(token: string, displayName: string, password: string) {
    const invitation = await this.find(token);
    assertAcceptablePassword(password, invitation.email);
    const passwordHash = await this.hasher.hash(password);
    return this.database.db.transaction(async (tx) => {
      const taken = await tx
        .update(invitations)
        .set({ acceptedAt: new Date() })
        .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
        .returning({ id: invitations.id });
      if (taken.length === 0)
        throw new DomainError(
          'NOT_FOUND',
          'This invitation link is not valid, was already used, or has expired',
        );
      const user = await this.users.insert(
        { email: invitation.email, displayName, kind: 'staff', roles: invitation.roles, passwordHash },
        tx,
      );
      if (!user) throw new DomainError('CONFLICT', 'An account with this email already exists');
      const session = await this.sessions.open(user.id, tx);
      await this.audit.append(
        user.id,
        {
          action: 'invitation.accept',
          outcome: 'success',
          targetType: 'invitation',
          targetId: invitation.id,
          details: { roles: invitation.roles },
        },
        tx,
      );
      return { status: 'signed_in' as const, session, account: toAccount(user) };
    });
  }
}
