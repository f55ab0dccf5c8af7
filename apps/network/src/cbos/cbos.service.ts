import { Injectable } from '@nestjs/common';
import type { Caller, Cbo, CboDraft, CboPage, ListCbosQuery, PipelineStage } from '@bandanh/contracts';
import { DomainError, requirePerson, requireRole, requireSystem } from '@bandanh/platform';
import { CbosRepository } from './cbos.repository';

/** A CBO id that no CBO has: an applicant not yet linked sees an empty list. */
const NO_CBO = '00000000-0000-0000-0000-000000000000';

function mayRead(caller: Caller, cboId: string): boolean {
  return caller.kind === 'applicant' && caller.cboId === cboId;
}

@Injectable()
export class CbosService {
  constructor(private readonly repository: CbosRepository) {}

  /** Coordinators (and admins) record candidate CBOs. */
  record(caller: Caller, idempotencyKey: string, draft: CboDraft): Promise<{ cbo: Cbo; created: boolean }> {
    requireRole(caller, 'coordinator', 'admin');
    return this.repository.create(idempotencyKey, draft);
  }

  /** Staff see every CBO; an applicant sees only their own, and another's is "not found". */
  async get(caller: Caller, id: string): Promise<Cbo> {
    const cbo =
      caller.kind === 'system' || caller.kind === 'staff' || mayRead(caller, id)
        ? await this.repository.findById(id)
        : undefined;
    if (!cbo) throw DomainError.notFound('CBO', id);
    return cbo;
  }

  list(caller: Caller, query: ListCbosQuery): Promise<CboPage> {
    const person = requirePerson(caller);
    if (person.kind === 'applicant') {
      return this.repository.list(query.limit, query.offset, person.cboId ?? NO_CBO);
    }
    return this.repository.list(query.limit, query.offset);
  }

  /** Keeps the stage that the CBO's pipeline workflow reports; only the orchestrator may. */
  async recordStage(caller: Caller, id: string, stage: PipelineStage): Promise<Cbo> {
    requireSystem(caller, 'orchestrator');
    const cbo = await this.repository.setStage(id, stage);
    if (!cbo) throw DomainError.notFound('CBO', id);
    return cbo;
  }
}
