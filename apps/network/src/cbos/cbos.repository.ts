import { Inject, Injectable } from '@nestjs/common';
import { count, desc, eq } from 'drizzle-orm';
import type { Cbo, CboDraft, CboPage, PipelineStage } from '@bandanh/contracts';
import { runOnce } from '@bandanh/platform';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { cbos, idempotencyKeys, type CboRow } from '../db/schema';

export function toCbo(row: CboRow): Cbo {
  return {
    id: row.id,
    name: row.name,
    provinceCode: row.provinceCode,
    focusIssue: row.focusIssue,
    foundVia: row.foundVia,
    stage: row.stage,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

@Injectable()
export class CbosRepository {
  constructor(@Inject(NETWORK_DB) private readonly database: NetworkDatabase) {}

  /** Inserts once per idempotency key; a retry returns the first answer. */
  async create(idempotencyKey: string, draft: CboDraft): Promise<{ cbo: Cbo; created: boolean }> {
    const { result, replayed } = await runOnce(
      this.database.db,
      idempotencyKeys,
      { name: 'network.cbo.create', key: idempotencyKey, request: draft },
      async (tx) => {
        const [row] = await tx.insert(cbos).values(draft).returning();
        return toCbo(row);
      },
    );
    return { cbo: result, created: !replayed };
  }

  async findById(id: string): Promise<Cbo | undefined> {
    const [row] = await this.database.db.select().from(cbos).where(eq(cbos.id, id));
    return row && toCbo(row);
  }

  /** A page of CBOs, newest first; only `onlyId` when given. */
  async list(limit: number, offset: number, onlyId?: string): Promise<CboPage> {
    const where = onlyId ? eq(cbos.id, onlyId) : undefined;
    const [rows, [{ total }]] = await Promise.all([
      this.database.db
        .select()
        .from(cbos)
        .where(where)
        .orderBy(desc(cbos.createdAt), desc(cbos.id))
        .limit(limit)
        .offset(offset),
      this.database.db.select({ total: count() }).from(cbos).where(where),
    ]);
    return { items: rows.map(toCbo), total, limit, offset };
  }

  async setStage(id: string, stage: PipelineStage): Promise<Cbo | undefined> {
    const [row] = await this.database.db
      .update(cbos)
      .set({ stage, updatedAt: new Date() })
      .where(eq(cbos.id, id))
      .returning();
    return row && toCbo(row);
  }
}
