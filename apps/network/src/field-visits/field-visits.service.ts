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
      async (tx) => {
        const id = await tx.insert(draft, visitedBy);
        await tx.audit({
          action: 'network.fieldVisit.create',
          target: { type: 'field_visit', id },
          actor: visitedBy,
          eventId: `network.fieldVisit.create:${id}`,
          details: { provinceCode: draft.provinceCode, visitedOn: draft.visitedOn },
        });
        return id;
      },
    );
    return { visit: await this.get(result), created: !replayed };
  }

  async list(caller: Caller): Promise<FieldVisit[]> {
    requireGroup(caller, 'programmeStaff');
    return this.repository.list();
  }

  /** Links a CBO already recorded to the visit: the coordinator's answer to a likely duplicate. */
  async link(caller: Caller, visitId: string, cboId: string): Promise<FieldVisit> {
    const { userId } = requireGroup(caller, 'cboWriters');
    await this.get(visitId);
    await this.repository.transaction(async (tx) => {
      if (!(await tx.cboExists(cboId))) throw cboNotFound(cboId);
      // Linked once: linking it again changes nothing and is not written down.
      if (!(await tx.link(visitId, cboId))) return;
      await tx.audit({
        action: 'network.fieldVisit.linkCbo',
        target: { type: 'field_visit', id: visitId },
        actor: userId,
        eventId: `network.fieldVisit.linkCbo:${visitId}:${cboId}`,
        details: { cboId },
      });
    });
    return this.get(visitId);
  }

  private async get(id: string): Promise<FieldVisit> {
    const [visit] = await this.repository.list([id]);
    if (!visit) throw fieldVisitNotFound(id);
    return visit;
  }
}
