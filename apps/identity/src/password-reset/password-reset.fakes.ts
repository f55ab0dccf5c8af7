import { randomUUID } from 'node:crypto';
import { copy, type Shape } from '../testing/fakes';
import type { PasswordResetRepository, ResetTokenRow } from './password-reset.repository';

const isLive = (row: ResetTokenRow) => !row.usedAt && !row.replacedAt && row.expiresAt > new Date();

/** Reset links in memory, with the repository's conditions. */
export class InMemoryResetTokens implements Shape<PasswordResetRepository> {
  readonly rows: ResetTokenRow[] = [];

  async countSince(userId: string, since: Date) {
    return this.rows.filter((row) => row.userId === userId && row.createdAt >= since).length;
  }

  async insert(values: { userId: string; tokenHash: string; expiresAt: Date }) {
    const row: ResetTokenRow = {
      id: randomUUID(),
      usedAt: null,
      replacedAt: null,
      createdAt: new Date(),
      ...values,
    };
    this.rows.push(row);
    return { ...row };
  }

  async replaceLive(userId: string) {
    const replaced = this.rows.filter((row) => row.userId === userId && isLive(row));
    for (const row of replaced) row.replacedAt = new Date();
    return replaced.length;
  }

  async findByHash(tokenHash: string) {
    return copy(this.rows.find((row) => row.tokenHash === tokenHash));
  }

  async spend(id: string) {
    const row = this.rows.find((candidate) => candidate.id === id && isLive(candidate));
    if (row) row.usedAt = new Date();
    return row !== undefined;
  }
}
