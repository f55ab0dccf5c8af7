import { Injectable } from '@nestjs/common';
import type { Cbo, CboDraft, CboPage, ListCbosQuery, PipelineStage } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';
import { CbosRepository } from './cbos.repository';

@Injectable()
export class CbosService {
  constructor(private readonly repository: CbosRepository) {}

  record(idempotencyKey: string, draft: CboDraft): Promise<{ cbo: Cbo; created: boolean }> {
    return this.repository.create(idempotencyKey, draft);
  }

  async get(id: string): Promise<Cbo> {
    const cbo = await this.repository.findById(id);
    if (!cbo) throw DomainError.notFound('CBO', id);
    return cbo;
  }

  list(query: ListCbosQuery): Promise<CboPage> {
    return this.repository.list(query.limit, query.offset);
  }

  /** Keeps the stage that the CBO's pipeline workflow reports. */
  async recordStage(id: string, stage: PipelineStage): Promise<Cbo> {
    const cbo = await this.repository.setStage(id, stage);
    if (!cbo) throw DomainError.notFound('CBO', id);
    return cbo;
  }
}
