import { Inject, Injectable } from '@nestjs/common';
import { and, eq, isNull } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import { randomBytes } from 'node:crypto';
import type { Caller } from '@bandanh/contracts';
import { DomainError, SecretBox, requirePerson, sha256 } from '@bandanh/platform';
import { AuditRepository } from '../audit/audit.repository';
import { UsersRepository } from '../accounts/users.repository';
import { IDENTITY_DB, type IdentityDatabase } from '../db/database.module';
import { recoveryCodes, type UserRow } from '../db/schema';

const RECOVERY_CODE_COUNT = 10;

function totpFor(secret: string, label: string) {
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

/** TOTP with an authenticator app, and single-use recovery codes. No SMS. */
@Injectable()
export class MfaService {
  constructor(
    @Inject(IDENTITY_DB) private readonly database: IdentityDatabase,
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
    private readonly box: SecretBox,
  ) {}

  async begin(caller: Caller) {
    const person = requirePerson(caller);
    const user = await this.users.findById(person.userId);
    if (!user) throw DomainError.notFound('Account', person.userId);
    if (user.totpEnabledAt)
      throw new DomainError('CONFLICT', 'Two-factor authentication is already on for this account', {
        reason: 'already_enabled',
      });
    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    await this.users.update(user.id, { totpSecret: this.box.seal(secret, user.id) });
    const otpauthUrl = totpFor(secret, user.email).toString();
    const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1 });
    return { secret, otpauthUrl, qrSvg };
  }

  async confirm(caller: Caller, code: string) {
    const person = requirePerson(caller);
    const user = await this.users.findById(person.userId);
    if (!user?.totpSecret)
      throw new DomainError('CONFLICT', 'Start the enrolment first', { reason: 'not_started' });
    if (user.totpEnabledAt)
      throw new DomainError('CONFLICT', 'Two-factor authentication is already on for this account', {
        reason: 'already_enabled',
      });
    const step = this.matchingStep(user, code);
    if (step === null) {
      await this.audit.append(user.id, {
        action: 'mfa.enable',
        outcome: 'failure',
        targetType: 'user',
        targetId: user.id,
      });
      throw DomainError.invalid([
        { path: 'code', code: 'wrong_code', message: 'That code is not right; try the next one' },
      ]);
    }
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.database.db.transaction(async (tx) => {
      await this.users.update(user.id, { totpEnabledAt: new Date(), totpLastStep: step }, tx);
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
      await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId: user.id, codeHash: sha256(c) })));
      await this.audit.append(
        user.id,
        { action: 'mfa.enable', outcome: 'success', targetType: 'user', targetId: user.id },
        tx,
      );
    });
    return { recoveryCodes: codes };
  }

  /**
   * Checks a second factor at sign-in: a TOTP code not used before, or an unused recovery
   * code (which it spends). Answers whether it was accepted.
   */
  async verifySecondFactor(user: UserRow, code: string): Promise<boolean> {
    if (/^\d{6}$/.test(code)) {
      const step = this.matchingStep(user, code);
      if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) return false;
      await this.users.update(user.id, { totpLastStep: step });
      return true;
    }
    const spent = await this.database.db
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(recoveryCodes.userId, user.id),
          eq(recoveryCodes.codeHash, sha256(code.toLowerCase())),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ codeHash: recoveryCodes.codeHash });
    if (spent.length > 0) {
      await this.audit.append(user.id, {
        action: 'mfa.recovery_code_used',
        outcome: 'success',
        targetType: 'user',
        targetId: user.id,
      });
    }
    return spent.length > 0;
  }

  /** The time step the code belongs to (within one step of now), or null. */
  private matchingStep(user: UserRow, code: string): number | null {
    if (!user.totpSecret) return null;
    const secret = this.box.open(user.totpSecret, user.id);
    const delta = totpFor(secret, user.email).validate({ token: code, window: 1 });
    return delta === null ? null : Math.floor(Date.now() / 30_000) + delta;
  }
}
