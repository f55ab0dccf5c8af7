import { Injectable } from '@nestjs/common';
import { createCbo, getCbo, getPipeline, listCbos, startPipeline, type CboDraft, type ListCbosQuery } from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';

@Injectable()
export class CbosService {
  constructor(private readonly rpc: NatsRpc) {}

  /**
   * The network service stores the CBO once per key; the orchestrator starts its pipeline
   * once per CBO. A retry after a failure between the two finishes the job.
   */
  async record(idempotencyKey: string, draft: CboDraft) {
    const { cbo, created } = await this.rpc.send(createCbo, { idempotencyKey, draft });
    const { workflowId } = await this.rpc.send(startPipeline, { cboId: cbo.id });
    return { cbo, workflowId, created };
  }

  list(query: ListCbosQuery) {
    return this.rpc.send(listCbos, query);
  }

  get(id: string) {
    return this.rpc.send(getCbo, { id });
  }

  pipeline(cboId: string) {
    return this.rpc.send(getPipeline, { cboId });
  }
}
