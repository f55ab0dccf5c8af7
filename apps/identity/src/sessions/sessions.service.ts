import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Caller, ResolvedSession, SessionGrant, SignInRequest, SignInResult } from '@bandanh/contracts';
import { randomToken, requirePerson, sha256 } from '@bandanh/platform';
import { AccountsRepository, toAccount, type NewUser } from '../accounts/accounts.repository';
import type { AuditInput } from '../audit/audit.repository';
import { AuditService, onUser } from '../audit/audit.service';
import type { IdentityConfig } from '../config/env';
import { Transactions, type Executor } from '../db/database.module';
import type { UserRow } from '../db/schema';
import { MfaService } from '../mfa/mfa.service';
import { PasswordHasher } from '../security/passwords';
import { IDENTITY_CONFIG } from '../security/security.module';
import { HOUR, MINUTE, isLive, issueToken } from '../security/tokens';
import {
  challengeExpired,
  locked,
  sessionExpired,
  signInFirst,
  wrongCredentials,
  wrongPassword,
} from './sessions.errors';
import { SessionsRepository } from './sessions.repository';

const CHALLENGE_MINUTES = 5;

export type SignedIn = Extract<SignInResult, { status: 'signed_in' }>;

@Injectable()
export class SessionsService {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly accounts: AccountsRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly mfa: MfaService,
    private readonly transactions: Transactions,
  ) {}

  /**
   * Signs in with email, password and, when the account has it, a second factor — sent either
   * with the password or at a second step with the challenge the first step answered, so the
   * password is never sent twice. Unknown emails and wrong passwords cost the same and answer
   * the same; every failure for an address slows the next answer, and enough of them lock the
   * address for a while.
   */
  async signIn(request: SignInRequest): Promise<SignInResult> {
    if ('challenge' in request) return this.secondStep(request.challenge, request.code);
    const { email, password, code } = request;
    await this.assertNotLocked(email);

    const user = await this.accounts.findByEmail(email);
    const passwordRight =
      user && !user.disabledAt
        ? await this.hasher.verify(user.passwordHash, password)
        : await this.hasher.verifyNothing(password);
    if (!user || !passwordRight) return this.fail(email, user, 'password');

    if (user.totpEnabledAt) {
      if (!code) return this.challenge(user);
      if (!(await this.mfa.verifySecondFactor(user, code))) return this.fail(email, user, 'second_factor');
    }
    return this.succeed(user);
  }

  private async assertNotLocked(email: string): Promise<void> {
    const attempts = await this.sessions.attempts(email);
    if (attempts?.lockedUntil && attempts.lockedUntil > new Date()) {
      await this.audit.record(null, {
        action: 'session.sign_in',
        outcome: 'failure',
        details: { reason: 'locked', email: sha256(email) },
      });
      throw locked(Math.ceil((attempts.lockedUntil.getTime() - Date.now()) / 1000));
    }
  }

  private async challenge(user: UserRow): Promise<SignInResult> {
    const { token, tokenHash, expiresAt } = issueToken(CHALLENGE_MINUTES * MINUTE);
    await this.sessions.createChallenge({ tokenHash, userId: user.id, email: user.email, expiresAt });
    return { status: 'mfa_required', challenge: token, expiresAt: expiresAt.toISOString() };
  }

  /** The second step: the challenge stands for the password; a wrong code counts as a failure. */
  private async secondStep(challenge: string, code: string): Promise<SignInResult> {
    const pending = await this.sessions.findChallenge(sha256(challenge));
    if (!pending || !isLive(pending.expiresAt, pending.usedAt)) throw challengeExpired();
    await this.assertNotLocked(pending.email);
    const user = await this.accounts.findById(pending.userId);
    if (!user || user.disabledAt) throw challengeExpired();
    if (!(await this.mfa.verifySecondFactor(user, code)))
      return this.fail(pending.email, user, 'second_factor');
    if (!(await this.sessions.useChallenge(pending.tokenHash))) throw challengeExpired();
    return this.succeed(user);
  }

  private async succeed(user: UserRow): Promise<SignedIn> {
    await this.sessions.clearFailures(user.email);
    const session = await this.open(user.id);
    await this.audit.record(user.id, { action: 'session.sign_in', outcome: 'success', ...onUser(user.id) });
    return { status: 'signed_in', session, account: toAccount(user) };
  }

  private async fail(
    email: string,
    user: UserRow | undefined,
    reason: 'password' | 'second_factor',
  ): Promise<never> {
    const lockUntil = new Date(Date.now() + this.config.SIGN_IN_LOCK_MINUTES * MINUTE);
    const failures = await this.sessions.recordFailure(email, this.config.SIGN_IN_LOCK_AFTER, lockUntil);
    await this.audit.record(user?.id ?? null, {
      action: 'session.sign_in',
      outcome: 'failure',
      details: { reason, email: sha256(email), failures },
    });
    await sleep(Math.min(this.config.SIGN_IN_DELAY_MS * 2 ** (failures - 1), 8_000));
    throw wrongCredentials();
  }

  /** A new server-side session; only the token's hash is stored. */
  async open(userId: string, executor?: Executor): Promise<SessionGrant> {
    const { token, tokenHash, expiresAt } = issueToken(this.config.SESSION_ABSOLUTE_HOURS * HOUR);
    const csrfToken = randomToken(24);
    await this.sessions.create({ tokenHash, userId, csrfToken, expiresAt }, executor);
    return { token, csrfToken, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Creates an account and signs it in, within the caller's transaction, recording `entry` for
   * it (a sign-up, an accepted invitation). Undefined when the email already has an account.
   */
  async openAccount(
    newUser: NewUser,
    entry: (userId: string) => AuditInput,
    tx: Executor,
  ): Promise<SignedIn | undefined> {
    const user = await this.accounts.insert(newUser, tx);
    if (!user) return undefined;
    const session = await this.open(user.id, tx);
    await this.audit.record(user.id, entry(user.id), tx);
    return { status: 'signed_in', session, account: toAccount(user) };
  }

  /** Who holds this token; ends the session when it is idle too long or past its absolute end. */
  async resolve(token: string): Promise<ResolvedSession> {
    const session = await this.sessions.findLive(sha256(token));
    if (!session) throw signInFirst();
    const now = Date.now();
    if (
      now > session.expiresAt.getTime() ||
      now - session.lastSeenAt.getTime() > this.config.SESSION_IDLE_MINUTES * MINUTE
    ) {
      await this.sessions.end(session.id);
      throw sessionExpired();
    }
    const user = await this.accounts.findById(session.userId);
    if (!user || user.disabledAt) {
      await this.sessions.end(session.id);
      throw signInFirst();
    }
    // Activity is written at most every quarter of the idle limit (a minute at most), not on every request.
    const touchEvery = Math.min(MINUTE, (this.config.SESSION_IDLE_MINUTES * MINUTE) / 4);
    if (now - session.lastSeenAt.getTime() > touchEvery) await this.sessions.touch(session.id, new Date(now));
    const account = toAccount(user);
    const caller: Caller =
      user.kind === 'staff'
        ? { kind: 'staff', userId: user.id, roles: user.roles, sessionId: session.id }
        : { kind: 'applicant', userId: user.id, cboId: user.cboId, sessionId: session.id };
    return {
      caller,
      account,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
      mfaEnrolmentRequired: account.mfaRequired && !account.mfaEnabled,
    };
  }

  async signOut(token: string): Promise<{ ended: boolean }> {
    const session = await this.sessions.findLive(sha256(token));
    if (!session) return { ended: false };
    const ended = await this.sessions.end(session.id);
    await this.audit.record(session.userId, {
      action: 'session.sign_out',
      outcome: 'success',
      ...onUser(session.userId),
    });
    return { ended };
  }

  /** Changes the password and ends every other session of the account. */
  async changePassword(
    caller: Caller,
    current: string,
    next: string,
  ): Promise<{ endedOtherSessions: number }> {
    const person = requirePerson(caller);
    const user = await this.accounts.findById(person.userId);
    if (!user || !(await this.hasher.verify(user.passwordHash, current))) {
      await this.audit.record(person.userId, {
        action: 'password.change',
        outcome: 'failure',
        ...onUser(person.userId),
      });
      throw wrongPassword();
    }
    const passwordHash = await this.hasher.hashNew(next, user.email, 'next');
    return this.transactions.run(async (tx) => {
      await this.accounts.update(user.id, { passwordHash }, tx);
      const endedOtherSessions = await this.sessions.endOthers(user.id, person.sessionId, tx);
      await this.audit.record(
        user.id,
        {
          action: 'password.change',
          outcome: 'success',
          ...onUser(user.id),
          details: { endedOtherSessions },
        },
        tx,
      );
      return { endedOtherSessions };
    });
  }
}
