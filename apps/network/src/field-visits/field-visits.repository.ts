import { Inject, Injectable } from '@nestjs/common';
import { desc, eq, inArray } from 'drizzle-orm';
import type { FieldVisit, FieldVisitDraft } from '@bandanh/contracts';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { NetworkRepository } from '../db/repository';
import { cbos, fieldVisitCbos, fieldVisits } from '../db/schema';
import { NetworkOutbox } from '../outbox/network-outbox';

@Injectable()
export class FieldVisitsRepository extends NetworkRepository {
  constructor(@Inject(NETWORK_DB) database: NetworkDatabase, outbox: NetworkOutbox) {
    super(database, outbox);
  }

  /** Stores the visit and answers its id. */
  async insert(draft: FieldVisitDraft, visitedBy: string): Promise<string> {
    const [row] = await this.db
      .insert(fieldVisits)
      .values({ ...draft, visitedBy })
      .returning({ id: fieldVisits.id });
    return row.id;
  }

  /** The latest 100 visits (only `ids`, when given), newest first, with the CBOs met on each. */
  async list(ids?: string[]): Promise<FieldVisit[]> {
    const visits = await this.db
      .select()
      .from(fieldVisits)
      .where(ids ? inArray(fieldVisits.id, ids) : undefined)
      .orderBy(desc(fieldVisits.visitedOn), desc(fieldVisits.createdAt))
      .limit(100);
    if (visits.length === 0) return [];
    const met = await this.db
      .select({ visitId: fieldVisitCbos.visitId, id: cbos.id, name: cbos.name, nameKm: cbos.nameKm })
      .from(fieldVisitCbos)
      .innerJoin(cbos, eq(cbos.id, fieldVisitCbos.cboId))
      .where(
        inArray(
          fieldVisitCbos.visitId,
          visits.map((visit) => visit.id),
        ),
      );
    return visits.map((visit) => ({
      id: visit.id,
      provinceCode: visit.provinceCode,
      district: visit.district,
      commune: visit.commune,
      village: visit.village,
      visitedOn: visit.visitedOn,
      notes: visit.notes,
      visitedBy: visit.visitedBy,
      cbosMet: met
        .filter((row) => row.visitId === visit.id)
        .map(({ id, name, nameKm }) => ({ id, name, nameKm })),
    }));
  }

  async cboExists(cboId: string): Promise<boolean> {
    const [cbo] = await this.db.select({ id: cbos.id }).from(cbos).where(eq(cbos.id, cboId));
    return cbo !== undefined;
  }

  /** Marks the CBO as met on the visit (once); whether it was not yet. */
  async link(visitId: string, cboId: string): Promise<boolean> {
    const rows = await this.db
      .insert(fieldVisitCbos)
      .values({ visitId, cboId })
      .onConflictDoNothing()
      .returning({ visitId: fieldVisitCbos.visitId });
    return rows.length > 0;
  }
}
