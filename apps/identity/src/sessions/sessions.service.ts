import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Caller, ResolvedSession, SessionGrant, SignInRequest, SignInResult } from '@bandanh/contracts';
import { DomainError, randomToken, requirePerson, sha256 } from '@bandanh/platform';
import { AuditRepository } from '../audit/audit.repository';
import { UsersRepository, toAccount } from '../accounts/users.repository';
import type { IdentityConfig } from '../config/env';
import { IDENTITY_DB, type Executor, type IdentityDatabase } from '../db/database.module';
import type { UserRow } from '../db/schema';
import { MfaService } from '../mfa/mfa.service';
import { PasswordHasher, assertAcceptablePassword } from '../security/passwords';
import { IDENTITY_CONFIG } from '../security/security.module';
import { SessionsRepository } from './sessions.repository';

const MINUTE = 60_000;
const CHALLENGE_MINUTES = 5;

@Injectable()
export class SessionsService {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @Inject(IDENTITY_DB) private readonly database: IdentityDatabase,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditRepository,
    private readonly hasher: PasswordHasher,
    private readonly mfa: MfaService,
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

    const user = await this.users.findByEmail(email);
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
      await this.audit.append(null, {
        action: 'session.sign_in',
        outcome: 'failure',
        details: { reason: 'locked', email: sha256(email) },
      });
      const retryAfterSeconds = Math.ceil((attempts.lockedUntil.getTime() - Date.now()) / 1000);
      throw new DomainError('RATE_LIMITED', 'Too many failed sign-ins for this account. Try again later.', {
        retryAfterSeconds,
      });
    }
  }

  private async challenge(user: UserRow): Promise<SignInResult> {
    const challenge = randomToken();
    const expiresAt = new Date(Date.now() + CHALLENGE_MINUTES * MINUTE);
    await this.sessions.createChallenge({
      tokenHash: sha256(challenge),
      userId: user.id,
      email: user.email,
      expiresAt,
    });
    return { status: 'mfa_required', challenge, expiresAt: expiresAt.toISOString() };
  }

  /** The second step: the challenge stands for the password; a wrong code counts as a failure. */
  private async secondStep(challenge: string, code: string): Promise<SignInResult> {
    const expired = () =>
      new DomainError('UNAUTHENTICATED', 'This sign-in has expired; enter your email and password again', {
        reason: 'challenge_expired',
      });
    const pending = await this.sessions.findChallenge(sha256(challenge));
    if (!pending) throw expired();
    await this.assertNotLocked(pending.email);
    const user = await this.users.findById(pending.userId);
    if (!user || user.disabledAt) throw expired();
    if (!(await this.mfa.verifySecondFactor(user, code)))
      return this.fail(pending.email, user, 'second_factor');
    if (!(await this.sessions.useChallenge(pending.tokenHash))) throw expired();
    return this.succeed(user);
  }

  private async succeed(user: UserRow): Promise<SignInResult> {
    await this.sessions.clearFailures(user.email);
    const session = await this.open(user.id);
    await this.audit.append(user.id, {
      action: 'session.sign_in',
      outcome: 'success',
      targetType: 'user',
      targetId: user.id,
    });
    return { status: 'signed_in', session, account: toAccount(user) };
  }

  private async fail(email: string, user: UserRow | undefined, reason: string): Promise<never> {
    const lockUntil = new Date(Date.now() + this.config.SIGN_IN_LOCK_MINUTES * MINUTE);
    const failures = await this.sessions.recordFailure(email, this.config.SIGN_IN_LOCK_AFTER, lockUntil);
    await this.audit.append(user?.id ?? null, {
      action: 'session.sign_in',
      outcome: 'failure',
      details: { reason, email: sha256(email), failures },
    });
    await sleep(Math.min(this.config.SIGN_IN_DELAY_MS * 2 ** (failures - 1), 8_000));
    throw new DomainError('UNAUTHENTICATED', 'The email, password or code is not right');
  }

  /** A new server-side session; only the token's hash is stored. */
  async open(userId: string, executor?: Executor): Promise<SessionGrant> {
    const token = randomToken();
    const csrfToken = randomToken(24);
    const expiresAt = new Date(Date.now() + this.config.SESSION_ABSOLUTE_HOURS * 60 * MINUTE);
    await this.sessions.create({ tokenHash: sha256(token), userId, csrfToken, expiresAt }, executor);
    return { token, csrfToken, expiresAt: expiresAt.toISOString() };
  }

  /** Who holds this token; ends the session when it is idle too long or past its absolute end. */
  async resolve(token: string): Promise<ResolvedSession> {
    const session = await this.sessions.findLive(sha256(token));
    if (!session) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
    const now = Date.now();
    if (
      now > session.expiresAt.getTime() ||
      now - session.lastSeenAt.getTime() > this.config.SESSION_IDLE_MINUTES * MINUTE
    ) {
      await this.sessions.end(session.id);
      throw new DomainError('UNAUTHENTICATED', 'Your session has expired; sign in again');
    }
    const user = await this.users.findById(session.userId);
    if (!user || user.disabledAt) {
      await this.sessions.end(session.id);
      throw new DomainError('UNAUTHENTICATED', 'Sign in first');
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
    await this.audit.append(session.userId, {
      action: 'session.sign_out',
      outcome: 'success',
      targetType: 'user',
      targetId: session.userId,
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
    const user = await this.users.findById(person.userId);
    if (!user || !(await this.hasher.verify(user.passwordHash, current))) {
      await this.audit.append(person.userId, {
        action: 'password.change',
        outcome: 'failure',
        targetType: 'user',
        targetId: person.userId,
      });
      throw DomainError.invalid([
        { path: 'current', code: 'wrong_password', message: 'The current password is not right' },
      ]);
    }
    assertAcceptablePassword(next, user.email, 'next');
    const passwordHash = await this.hasher.hash(next);
    return this.database.db.transaction(async (tx) => {
      await this.users.update(user.id, { passwordHash }, tx);
      const endedOtherSessions = await this.sessions.endOthers(user.id, person.sessionId, tx);
      await this.audit.append(
        user.id,
        {
          action: 'password.change',
          outcome: 'success',
          targetType: 'user',
          targetId: user.id,
          details: { endedOtherSessions },
        },
        tx,
      );
      return { endedOtherSessions };
    });
  }
}
