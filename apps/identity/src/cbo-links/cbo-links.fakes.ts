import type { cboLinkCodes } from '../db/schema';
import type { Shape } from '../testing/fakes';
import type { CboLinksRepository } from './cbo-links.repository';

type LinkCodeRow = typeof cboLinkCodes.$inferSelect;

export class InMemoryLinkCodes implements Shape<CboLinksRepository> {
  readonly rows: LinkCodeRow[] = [];

  async insert(values: { codeHash: string; cboId: string; issuedBy: string; expiresAt: Date }) {
    this.rows.push({ ...values, usedBy: null, usedAt: null, createdAt: new Date() });
  }

  async spend(codeHash: string, userId: string) {
    const row = this.rows.find(
      (r) => r.codeHash === codeHash && r.usedAt === null && r.expiresAt > new Date(),
    );
    if (!row) return undefined;
    Object.assign(row, { usedBy: userId, usedAt: new Date() });
    return row.cboId;
  }
}
