import { Injectable } from '@nestjs/common';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import { randomBytes } from 'node:crypto';
import type { Caller } from '@bandanh/contracts';
import { DomainError, SecretBox, requirePerson, sha256 } from '@bandanh/platform';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AuditService, onUser } from '../audit/audit.service';
import { Transactions } from '../db/database.module';
import type { UserRow } from '../db/schema';
import { alreadyEnabled, notStarted, wrongCode } from './mfa.errors';
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

/** TOTP with an authenticator app, and single-use recovery codes. No SMS. */
@Injectable()
export class MfaService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly repository: MfaRepository,
    private readonly audit: AuditService,
    private readonly box: SecretBox,
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
