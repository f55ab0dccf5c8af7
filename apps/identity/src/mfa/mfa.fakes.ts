import type { Shape } from '../testing/fakes';
import type { MfaRepository } from './mfa.repository';

/** Recovery codes in memory: `userId → hash → used`. */
export class InMemoryRecoveryCodes implements Shape<MfaRepository> {
  readonly codes = new Map<string, Map<string, boolean>>();

  async replaceRecoveryCodes(userId: string, codeHashes: string[]) {
    this.codes.set(userId, new Map(codeHashes.map((hash) => [hash, false])));
  }

  async unusedRecoveryCodes(userId: string) {
    return [...(this.codes.get(userId)?.values() ?? [])].filter((used) => !used).length;
  }

  async deleteRecoveryCodes(userId: string) {
    this.codes.delete(userId);
  }

  async spendRecoveryCode(userId: string, codeHash: string) {
    const mine = this.codes.get(userId);
    if (!mine || mine.get(codeHash) !== false) return false;
    mine.set(codeHash, true);
    return true;
  }
}
