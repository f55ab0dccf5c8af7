import { Injectable } from '@nestjs/common';
import {
  createCbo,
  getCbo,
  getPipeline,
  listCbos,
  startPipeline,
  type CboDraft,
  type ListCbosQuery,
} from '@bandanh/contracts';
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

  /**
   * A page of CBOs. The network service keeps the stage each pipeline reports; for a CBO
   * whose pipeline has not reported yet (the first instant after it is recorded), the
   * workflow itself is asked.
   */
  async list(query: ListCbosQuery) {
    const page = await this.rpc.send(listCbos, query);
    const items = await Promise.all(
      page.items.map(async (cbo) => {
        if (cbo.stage !== null) return cbo;
        const pipeline = await this.rpc.send(getPipeline, { cboId: cbo.id }).catch(() => undefined);
        return { ...cbo, stage: pipeline?.stage ?? null };
      }),
    );
    return { ...page, items };
  }

  get(id: string) {
    return this.rpc.send(getCbo, { id });
  }

  pipeline(cboId: string) {
    return this.rpc.send(getPipeline, { cboId });
  }
}
