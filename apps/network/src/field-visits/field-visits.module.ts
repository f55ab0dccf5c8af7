import { Controller, Inject, Injectable, Module } from '@nestjs/common';
import { desc, eq, inArray } from 'drizzle-orm';
import {
  createFieldVisit,
  linkCboToVisit,
  listFieldVisits,
  type Caller,
  type FieldVisit,
  type FieldVisitDraft,
  type ParsedRequestOf,
} from '@bandanh/contracts';
import { DomainError, Handles, requireRole, runOnce } from '@bandanh/platform';
import { NETWORK_DB, type NetworkDatabase } from '../db/database.module';
import { cbos, fieldVisitCbos, fieldVisits, idempotencyKeys } from '../db/schema';

@Injectable()
export class FieldVisitsService {
  constructor(@Inject(NETWORK_DB) private readonly database: NetworkDatabase) {}

  async create(key: string, visitedBy: string, draft: FieldVisitDraft) {
    const { result, replayed } = await runOnce(
      this.database.db,
      idempotencyKeys,
      { name: 'network.fieldVisit.create', key, request: { draft, visitedBy } },
      async (tx) =>
        (
          await tx
            .insert(fieldVisits)
            .values({ ...draft, visitedBy })
            .returning()
        )[0].id,
    );
    return { visit: await this.get(result), created: !replayed };
  }

  async list(ids?: string[]): Promise<FieldVisit[]> {
    const visits = await this.database.db
      .select()
      .from(fieldVisits)
      .where(ids ? inArray(fieldVisits.id, ids) : undefined)
      .orderBy(desc(fieldVisits.visitedOn), desc(fieldVisits.createdAt))
      .limit(100);
    if (visits.length === 0) return [];
    const met = await this.database.db
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

  async get(id: string): Promise<FieldVisit> {
    const [visit] = await this.list([id]);
    if (!visit) throw DomainError.notFound('Field visit', id);
    return visit;
  }

  /** Links a CBO already recorded to the visit: the coordinator's answer to a likely duplicate. */
  async link(visitId: string, cboId: string): Promise<FieldVisit> {
    await this.get(visitId);
    const [cbo] = await this.database.db.select({ id: cbos.id }).from(cbos).where(eq(cbos.id, cboId));
    if (!cbo) throw DomainError.notFound('CBO', cboId);
    await this.database.db.insert(fieldVisitCbos).values({ visitId, cboId }).onConflictDoNothing();
    return this.get(visitId);
  }
}

@Controller()
export class FieldVisitsHandlers {
  constructor(private readonly service: FieldVisitsService) {}

  @Handles(createFieldVisit)
  create({ idempotencyKey, visit }: ParsedRequestOf<typeof createFieldVisit>, caller: Caller) {
    const staff = requireRole(caller, 'coordinator', 'admin');
    return this.service.create(idempotencyKey, staff.userId, visit);
  }

  @Handles(listFieldVisits)
  async list(_input: ParsedRequestOf<typeof listFieldVisits>, caller: Caller) {
    requireRole(caller, 'coordinator', 'admin', 'assessor', 'approver');
    return { items: await this.service.list() };
  }

  @Handles(linkCboToVisit)
  async link({ visitId, cboId }: ParsedRequestOf<typeof linkCboToVisit>, caller: Caller) {
    requireRole(caller, 'coordinator', 'admin');
    return { visit: await this.service.link(visitId, cboId) };
  }
}

@Module({ controllers: [FieldVisitsHandlers], providers: [FieldVisitsService] })
export class FieldVisitsModule {}
