import { Injectable } from '@nestjs/common';
import type { Caller, FieldVisit, FieldVisitDraft } from '@bandanh/contracts';
import { requireGroup } from '@bandanh/platform';
import { cboNotFound } from '../cbos/cbos.errors';
import { fieldVisitNotFound } from './field-visits.errors';
import { FieldVisitsRepository } from './field-visits.repository';

@Injectable()
export class FieldVisitsService {
  constructor(private readonly repository: FieldVisitsRepository) {}

  /** Coordinators (and admins) record their visits to target areas, once per idempotency key. */
  async create(
    caller: Caller,
    idempotencyKey: string,
    draft: FieldVisitDraft,
  ): Promise<{ visit: FieldVisit; created: boolean }> {
    const { userId: visitedBy } = requireGroup(caller, 'cboWriters');
    const { result, replayed } = await this.repository.once(
      { name: 'network.fieldVisit.create', key: idempotencyKey, request: { draft, visitedBy } },
      (tx) => tx.insert(draft, visitedBy),
    );
    return { visit: await this.get(result), created: !replayed };
  }

  async list(caller: Caller): Promise<FieldVisit[]> {
    requireGroup(caller, 'programmeStaff');
    return this.repository.list();
  }

  /** Links a CBO already recorded to the visit: the coordinator's answer to a likely duplicate. */
  async link(caller: Caller, visitId: string, cboId: string): Promise<FieldVisit> {
    requireGroup(caller, 'cboWriters');
    await this.get(visitId);
    if (!(await this.repository.cboExists(cboId))) throw cboNotFound(cboId);
    await this.repository.link(visitId, cboId);
    return this.get(visitId);
  }

  private async get(id: string): Promise<FieldVisit> {
    const [visit] = await this.repository.list([id]);
    if (!visit) throw fieldVisitNotFound(id);
    return visit;
  }
}
