import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { sendNotification, type NotificationLocale } from '@bandanh/contracts';
import { sha256 } from '@bandanh/platform';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AuditService, onUser } from '../audit/audit.service';
import type { IdentityConfig } from '../config/env';
import { Transactions } from '../db/database.module';
import type { UserRow } from '../db/schema';
import { IdentityOutbox } from '../outbox/identity-outbox';
import { PasswordHasher } from '../security/passwords';
import { IDENTITY_CONFIG } from '../security/security.module';
import { MINUTE, issueToken } from '../security/tokens';
import { SessionsRepository } from '../sessions/sessions.repository';
import { resetLinkInvalid } from './password-reset.errors';
import { PasswordResetRepository, type ResetTokenRow } from './password-reset.repository';

/** A number as the recipient reads it: Khmer digits in Khmer. */
function numeral(value: number, locale: NotificationLocale): string {
  return new Intl.NumberFormat(locale === 'km' ? 'km-u-nu-khmr' : 'en').format(value);
}

/** Why a link cannot be used, for the audit log (the person is told only that it cannot). */
function deadBecause(row: ResetTokenRow | undefined): string {
  if (!row) return 'unknown_link';
  if (row.usedAt) return 'used';
  if (row.replacedAt) return 'replaced';
  return 'expired';
}

/**
 * Password reset by email: a single-use link that expires, stored as its hash, mailed through
 * identity's outbox in the account's language. Asking answers the same, after the same time,
 * whether or not the address has an account and whether or not a link was sent.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly accounts: AccountsRepository,
    private readonly links: PasswordResetRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly outbox: IdentityOutbox,
    private readonly transactions: Transactions,
  ) {}

  /**
   * Sends a reset link to an active account with this address, unless it was sent
   * PASSWORD_RESET_LIMIT links within PASSWORD_RESET_WINDOW already; the link, its email and its
   * audit entry commit together, and any older link of the account stops working.
   */
  async request(email: string): Promise<{ accepted: true }> {
    const started = Date.now();
    try {
      await this.issue(email);
    } finally {
      await sleep(Math.max(0, started + this.config.PASSWORD_RESET_ANSWER_MS - Date.now()));
    }
    return { accepted: true };
  }

  private async issue(email: string): Promise<void> {
    const user = await this.accounts.findByEmail(email);
    if (!user || user.disabledAt) {
      await this.refuseRequest(null, { reason: 'no_active_account', email: sha256(email) });
      return;
    }
    const since = new Date(Date.now() - this.config.PASSWORD_RESET_WINDOW);
    const recent = await this.links.countSince(user.id, since);
    if (recent >= this.config.PASSWORD_RESET_LIMIT) {
      await this.refuseRequest(user, { reason: 'too_many_requests', recent });
      return;
    }

    const { token, tokenHash, expiresAt } = issueToken(this.config.PASSWORD_RESET_TTL);
    await this.transactions.run(async (tx) => {
      const replaced = await this.links.replaceLive(user.id, tx);
      const link = await this.links.insert({ userId: user.id, tokenHash, expiresAt }, tx);
      await this.outbox.enqueue(
        sendNotification,
        {
          key: `password-reset-${link.id}`,
          kind: 'password_reset',
          locale: user.locale,
          recipient: { email: user.email, userId: user.id },
          params: {
            name: user.displayName,
            link: `${this.config.WEB_URL}/${user.locale}/password-reset/${token}`,
            minutes: numeral(Math.max(1, Math.round(this.config.PASSWORD_RESET_TTL / MINUTE)), user.locale),
          },
        },
        tx,
      );
      await this.audit.record(
        null,
        {
          action: 'password_reset.request',
          outcome: 'success',
          ...onUser(user.id),
          details: { linkId: link.id, replacedLinks: replaced, expiresAt: expiresAt.toISOString() },
        },
        tx,
      );
    });
    this.outbox.kick();
  }

  private async refuseRequest(user: UserRow | null, details: Record<string, unknown>): Promise<void> {
    await this.audit.record(null, {
      action: 'password_reset.request',
      outcome: 'failure',
      ...(user ? onUser(user.id) : {}),
      details,
    });
  }

  /** Whether a link can still be used: its expiry, or the one refusal for every dead link. */
  async check(token: string): Promise<{ expiresAt: string }> {
    const { link } = await this.liveLink(token);
    return { expiresAt: link.expiresAt.toISOString() };
  }

  /**
   * Sets the new password (the same rules as everywhere: long enough, not common, not the
   * address), spends the link and any other live one, and ends every session and pending
   * sign-in of the account; a locked-out address may sign in again. Two-factor stays on.
   */
  async complete(token: string, password: string): Promise<{ endedSessions: number }> {
    const { link, user } = await this.liveLink(token, true);
    const passwordHash = await this.hasher.hashNew(password, user.email);
    const endedSessions = await this.transactions.run(async (tx) => {
      if (!(await this.links.spend(link.id, tx))) throw resetLinkInvalid();
      await this.accounts.update(user.id, { passwordHash }, tx);
      await this.links.replaceLive(user.id, tx);
      const ended = await this.sessions.endOthers(user.id, undefined, tx);
      await this.sessions.endChallenges(user.id, tx);
      await this.audit.record(
        user.id,
        {
          action: 'password_reset.complete',
          outcome: 'success',
          ...onUser(user.id),
          details: { linkId: link.id, endedSessions: ended },
        },
        tx,
      );
      return ended;
    });
    await this.sessions.clearFailures(user.email);
    return { endedSessions };
  }

  /** The live link of this token and its active account; a dead one is refused (and, when used, audited). */
  private async liveLink(token: string, audited = false): Promise<{ link: ResetTokenRow; user: UserRow }> {
    const link = await this.links.findByHash(sha256(token));
    const user = link && (await this.accounts.findById(link.userId));
    const live = link && !link.usedAt && !link.replacedAt && link.expiresAt > new Date();
    if (link && live && user && !user.disabledAt) return { link, user };
    if (audited) {
      await this.audit.record(null, {
        action: 'password_reset.complete',
        outcome: 'failure',
        ...(link ? onUser(link.userId) : {}),
        details: { reason: live ? 'no_active_account' : deadBecause(link) },
      });
    }
    throw resetLinkInvalid();
  }
}
