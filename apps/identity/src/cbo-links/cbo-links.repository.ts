import { Inject, Injectable } from '@nestjs/common';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { IDENTITY_DB, type Executor, type IdentityDatabase } from '../db/database.module';
import { cboLinkCodes } from '../db/schema';

@Injectable()
export class CboLinksRepository {
  constructor(@Inject(IDENTITY_DB) private readonly database: IdentityDatabase) {}

  async insert(
    values: { codeHash: string; cboId: string; issuedBy: string; expiresAt: Date },
    executor: Executor = this.database.db,
  ): Promise<void> {
    await executor.insert(cboLinkCodes).values(values);
  }

  /** Spends a live code (unused, not expired) for the user; answers its CBO, or undefined. */
  async spend(codeHash: string, userId: string, executor: Executor): Promise<string | undefined> {
    const [used] = await executor
      .update(cboLinkCodes)
      .set({ usedBy: userId, usedAt: new Date() })
      .where(
        and(
          eq(cboLinkCodes.codeHash, codeHash),
          isNull(cboLinkCodes.usedAt),
          gt(cboLinkCodes.expiresAt, new Date()),
        ),
      )
      .returning({ cboId: cboLinkCodes.cboId });
    return used?.cboId;
  }
}
