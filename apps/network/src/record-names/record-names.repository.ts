import { Inject, Injectable } from '@nestjs/common';
import { inArray } from 'drizzle-orm';
import type { RecordName } from '@bandanh/contracts';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { NetworkRepository } from '../db/repository';
import { cbos, partners } from '../db/schema';

@Injectable()
export class RecordNamesRepository extends NetworkRepository {
  constructor(@Inject(NETWORK_DB) database: NetworkDatabase) {
    super(database);
  }

  /** The names of the CBOs and partners with these ids (unknown ids are left out). */
  async names(cboIds: string[], partnerIds: string[]): Promise<RecordName[]> {
    const [cboRows, partnerRows] = await Promise.all([
      cboIds.length === 0
        ? []
        : this.db
            .select({ id: cbos.id, name: cbos.name, nameKm: cbos.nameKm })
            .from(cbos)
            .where(inArray(cbos.id, cboIds)),
      partnerIds.length === 0
        ? []
        : this.db
            .select({ id: partners.id, name: partners.name })
            .from(partners)
            .where(inArray(partners.id, partnerIds)),
    ]);
    return [
      ...cboRows.map((row) => ({
        type: 'cbo' as const,
        id: row.id,
        name: row.name,
        nameKm: row.nameKm ?? null,
      })),
      ...partnerRows.map((row) => ({ type: 'partner' as const, id: row.id, name: row.name, nameKm: null })),
    ];
  }
}
