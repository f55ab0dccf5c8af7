import { Inject, Injectable } from '@nestjs/common';
import { roleWarnings, type Caller, type NotificationLocale, type StaffRole } from '@bandanh/contracts';
import { requireGroup, sha256 } from '@bandanh/platform';
import { emailTaken } from '../accounts/accounts.errors';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AuditService } from '../audit/audit.service';
import type { IdentityConfig } from '../config/env';
import { Transactions } from '../db/database.module';
import { PasswordHasher } from '../security/passwords';
import { IDENTITY_CONFIG } from '../security/security.module';
import { HOUR, isLive, issueToken } from '../security/tokens';
import { SessionsService, type SignedIn } from '../sessions/sessions.service';
import { invitationGone, inviteeHasAccount } from './invitations.errors';
import { InvitationsRepository, type InvitationRow } from './invitations.repository';

function describe({ id, email, roles, expiresAt }: InvitationRow) {
  return { id, email, roles, expiresAt: expiresAt.toISOString() };
}

/** Staff join by an admin's invitation: an expiring, single-use link. */
@Injectable()
export class InvitationsService {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly invitations: InvitationsRepository,
    private readonly accounts: AccountsRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly transactions: Transactions,
  ) {}

  async create(caller: Caller, email: string, roles: StaffRole[]) {
    const admin = requireGroup(caller, 'admins');
    if (await this.accounts.findByEmail(email)) throw inviteeHasAccount();
    const { token, tokenHash, expiresAt } = issueToken(this.config.INVITATION_TTL_HOURS * HOUR);
    const unique = [...new Set(roles)];
    return this.transactions.run(async (tx) => {
      const row = await this.invitations.insert(
        { tokenHash, email, roles: unique, invitedBy: admin.userId, expiresAt },
        tx,
      );
      await this.audit.record(admin.userId, this.entry('invitation.create', row), tx);
      return { invitation: describe(row), token, warnings: roleWarnings(unique) };
    });
  }

  /** The pending invitations (not accepted, not expired, not revoked), newest first. */
  async listPending(caller: Caller) {
    requireGroup(caller, 'admins');
    const rows = await this.invitations.listPending(new Date());
    return {
      items: rows.map((row) => ({
        ...describe(row),
        invitedBy: row.invitedBy,
        createdAt: row.createdAt.toISOString(),
      })),
    };
  }

  /** Revokes a pending invitation (audited); its link then answers like an expired one. */
  async revoke(caller: Caller, id: string) {
    const admin = requireGroup(caller, 'admins');
    return this.transactions.run(async (tx) => {
      const row = await this.invitations.expire(id, new Date(), tx);
      if (!row) return { revoked: false };
      await this.audit.record(admin.userId, this.entry('invitation.revoke', row), tx);
      return { revoked: true };
    });
  }

  /** The live invitation behind a link, or NOT_FOUND (the same for unknown, used and expired). */
  private async find(token: string): Promise<InvitationRow> {
    const invitation = await this.invitations.findByTokenHash(sha256(token));
    if (!invitation || !isLive(invitation.expiresAt, invitation.acceptedAt)) throw invitationGone();
    return invitation;
  }

  async describe(token: string) {
    return { invitation: describe(await this.find(token)) };
  }

  async accept(
    token: string,
    displayName: string,
    password: string,
    locale: NotificationLocale = 'km',
  ): Promise<SignedIn> {
    const invitation = await this.find(token);
    const passwordHash = await this.hasher.hashNew(password, invitation.email);
    return this.transactions.run(async (tx) => {
      if (!(await this.invitations.markAccepted(invitation.id, tx))) throw invitationGone();
      const { email, roles } = invitation;
      const signedIn = await this.sessions.openAccount(
        { email, displayName, kind: 'staff', roles, passwordHash, locale },
        () => this.entry('invitation.accept', invitation),
        tx,
      );
      if (!signedIn) throw emailTaken();
      return signedIn;
    });
  }

  private entry(action: string, invitation: InvitationRow) {
    return {
      action,
      outcome: 'success' as const,
      targetType: 'invitation',
      targetId: invitation.id,
      details: { roles: invitation.roles },
    };
  }
}
