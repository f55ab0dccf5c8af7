import { Inject, Injectable } from '@nestjs/common';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import { randomBytes, randomUUID } from 'node:crypto';
import { sendNotification, type Caller, type MfaStatus } from '@bandanh/contracts';
import { DomainError, SecretBox, requireGroup, requirePerson, sha256 } from '@bandanh/platform';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AuditService, onUser } from '../audit/audit.service';
import type { IdentityConfig } from '../config/env';
import { Transactions } from '../db/database.module';
import type { UserRow } from '../db/schema';
import { IdentityOutbox } from '../outbox/identity-outbox';
import { IDENTITY_CONFIG } from '../security/security.module';
import { MINUTE } from '../security/tokens';
import { locked } from '../sessions/sessions.errors';
import { SessionsRepository } from '../sessions/sessions.repository';
import {
  alreadyEnabled,
  mfaNotEnabled,
  notStaffMember,
  notStarted,
  ownSecondFactor,
  wrongCode,
} from './mfa.errors';
import { MfaRepository } from './mfa.repository';

const RECOVERY_CODE_COUNT = 10;

export function totpFor(secret: string, label: string) {
  return new OTPAuth.TOTP({
    issuer: 'Bandanh',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

function newRecoveryCode(): string {
  const raw = randomBytes(8).toString('hex').slice(0, 10);
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/**
 * TOTP with an authenticator app, and single-use recovery codes. No SMS. A person sees how many
 * recovery codes they have left and replaces them; an admin resets another staff member's lost
 * second factor.
 */
@Injectable()
export class MfaService {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly accounts: AccountsRepository,
    private readonly repository: MfaRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
    private readonly box: SecretBox,
    private readonly outbox: IdentityOutbox,
    private readonly transactions: Transactions,
  ) {}

  async begin(caller: Caller) {
    const person = requirePerson(caller);
    const user = await this.accounts.findById(person.userId);
    if (!user) throw DomainError.notFound('Account', person.userId);
    if (user.totpEnabledAt) throw alreadyEnabled();
    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    await this.accounts.update(user.id, { totpSecret: this.box.seal(secret, user.id) });
    const otpauthUrl = totpFor(secret, user.email).toString();
    const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1 });
    return { secret, otpauthUrl, qrSvg };
  }

  async confirm(caller: Caller, code: string) {
    const person = requirePerson(caller);
    const user = await this.accounts.findById(person.userId);
    if (!user?.totpSecret) throw notStarted();
    if (user.totpEnabledAt) throw alreadyEnabled();
    const step = this.matchingStep(user, code);
    if (step === null) {
      await this.audit.record(user.id, { action: 'mfa.enable', outcome: 'failure', ...onUser(user.id) });
      throw wrongCode();
    }
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.transactions.run(async (tx) => {
      await this.accounts.update(user.id, { totpEnabledAt: new Date(), totpLastStep: step }, tx);
      await this.repository.replaceRecoveryCodes(user.id, codes.map(sha256), tx);
      await this.audit.record(user.id, { action: 'mfa.enable', outcome: 'success', ...onUser(user.id) }, tx);
    });
    return { recoveryCodes: codes };
  }

  /** Whether the signed-in account has two-factor authentication on, and its unused recovery codes. */
  async status(caller: Caller): Promise<MfaStatus> {
    const person = requirePerson(caller);
    const user = await this.accounts.findById(person.userId);
    if (!user) throw DomainError.notFound('Account', person.userId);
    if (!user.totpEnabledAt) return { enabled: false, recoveryCodesLeft: 0 };
    return { enabled: true, recoveryCodesLeft: await this.repository.unusedRecoveryCodes(user.id) };
  }

  /**
   * New recovery codes, shown this once, for a right second factor (a code from the app, or an
   * unused recovery code): the old codes stop working. Wrong codes count towards the sign-in
   * lockout of the account's address, so that a stolen session cannot guess its way through.
   */
  async regenerateRecoveryCodes(caller: Caller, code: string): Promise<{ recoveryCodes: string[] }> {
    const person = requirePerson(caller);
    const user = await this.accounts.findById(person.userId);
    if (!user) throw DomainError.notFound('Account', person.userId);
    if (!user.totpEnabledAt) throw mfaNotEnabled();
    const attempts = await this.sessions.attempts(user.email);
    if (attempts?.lockedUntil && attempts.lockedUntil > new Date())
      throw locked(Math.ceil((attempts.lockedUntil.getTime() - Date.now()) / 1000));
    if (!(await this.verifySecondFactor(user, code))) {
      const lockUntil = new Date(Date.now() + this.config.SIGN_IN_LOCK_MINUTES * MINUTE);
      await this.sessions.recordFailure(user.email, this.config.SIGN_IN_LOCK_AFTER, lockUntil);
      await this.audit.record(user.id, {
        action: 'mfa.recovery_codes_regenerate',
        outcome: 'failure',
        ...onUser(user.id),
      });
      throw wrongCode();
    }
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.transactions.run(async (tx) => {
      await this.repository.replaceRecoveryCodes(user.id, codes.map(sha256), tx);
      await this.audit.record(
        user.id,
        { action: 'mfa.recovery_codes_regenerate', outcome: 'success', ...onUser(user.id) },
        tx,
      );
    });
    return { recoveryCodes: codes };
  }

  /**
   * An admin turns off another staff member's second factor (a lost phone and codes): the
   * secret and recovery codes go, every session and pending sign-in of theirs ends, and they are
   * told by email. Roles that need two-factor authentication then set it up at the next sign-in.
   * Already off answers `reset: false` and changes nothing.
   */
  async reset(caller: Caller, userId: string): Promise<{ reset: boolean; endedSessions: number }> {
    const admin = requireGroup(caller, 'admins');
    if (userId === admin.userId) throw ownSecondFactor();
    const user = await this.accounts.findById(userId);
    if (!user) throw DomainError.notFound('Account', userId);
    if (user.kind !== 'staff') throw notStaffMember();
    if (!user.totpEnabledAt && !user.totpSecret) return { reset: false, endedSessions: 0 };
    const endedSessions = await this.transactions.run(async (tx) => {
      await this.accounts.update(user.id, { totpSecret: null, totpEnabledAt: null, totpLastStep: null }, tx);
      await this.repository.deleteRecoveryCodes(user.id, tx);
      const ended = await this.sessions.endOthers(user.id, undefined, tx);
      await this.sessions.endChallenges(user.id, tx);
      await this.outbox.enqueue(
        sendNotification,
        {
          key: `mfa-reset-${randomUUID()}`,
          kind: 'mfa_reset',
          locale: user.locale,
          recipient: { email: user.email, userId: user.id },
          params: { name: user.displayName },
        },
        tx,
      );
      await this.audit.record(
        admin.userId,
        {
          action: 'mfa.reset',
          outcome: 'success',
          ...onUser(user.id),
          details: { wasEnabled: user.totpEnabledAt !== null, endedSessions: ended },
        },
        tx,
      );
      return ended;
    });
    this.outbox.kick();
    return { reset: true, endedSessions };
  }

  /**
   * Checks a second factor at sign-in: a TOTP code not used before, or an unused recovery
   * code (which it spends). Answers whether it was accepted.
   */
  async verifySecondFactor(user: UserRow, code: string): Promise<boolean> {
    if (/^\d{6}$/.test(code)) {
      const step = this.matchingStep(user, code);
      if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) return false;
      await this.accounts.update(user.id, { totpLastStep: step });
      return true;
    }
    const spent = await this.repository.spendRecoveryCode(user.id, sha256(code.toLowerCase()));
    if (spent) {
      await this.audit.record(user.id, {
        action: 'mfa.recovery_code_used',
        outcome: 'success',
        ...onUser(user.id),
      });
    }
    return spent;
  }

  /** The time step the code belongs to (within one step of now), or null. */
  private matchingStep(user: UserRow, code: string): number | null {
    if (!user.totpSecret) return null;
    const secret = this.box.open(user.totpSecret, user.id);
    const delta = totpFor(secret, user.email).validate({ token: code, window: 1 });
    return delta === null ? null : Math.floor(Date.now() / 30_000) + delta;
  }
}
