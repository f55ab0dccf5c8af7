import { Injectable } from '@nestjs/common';
import {
  cboPipelineWorkflowId,
  createCbo,
  findDuplicateCbos,
  getApplicationStatus,
  getCbo,
  getPipeline,
  issueCboLinkCode,
  listCbos,
  redeemCboLinkCode,
  type Caller,
  type CboDraft,
  type ListCbosQuery,
  type RequestOf,
} from '@bandanh/contracts';
import { ANONYMOUS, NatsRpc } from '@bandanh/platform';
import { cboFor, pipelineFor } from './member-view';

/** Each call goes out with the caller's identity; the services apply their record rules with it. */
@Injectable()
export class CbosService {
  constructor(private readonly rpc: NatsRpc) {}

  /** A public application's status by its reference: asked as nobody, whoever comes along. */
  applicationStatus(reference: string) {
    return this.rpc.send(getApplicationStatus, { reference }, ANONYMOUS);
  }

  /**
   * The network service stores the CBO once per key, and with it the command that starts its
   * pipeline (its outbox): nothing is half done if a process dies in between.
   */
  async record(caller: Caller, idempotencyKey: string, draft: CboDraft) {
    const { cbo, created, warnings } = await this.rpc.send(createCbo, { idempotencyKey, draft }, caller);
    return { cbo, workflowId: cboPipelineWorkflowId(cbo.id), created, warnings: warnings ?? [] };
  }

  /**
   * A page of CBOs. The network service keeps the stage each pipeline reports; for a CBO
   * whose pipeline has not reported yet (the first instant after it is recorded), the
   * workflow itself is asked.
   */
  async list(caller: Caller, query: ListCbosQuery) {
    const page = await this.rpc.send(listCbos, query, caller);
    const items = await Promise.all(
      page.items.map(async (cbo) => {
        if (cbo.stage !== null) return cboFor(caller, cbo);
        const pipeline = await this.rpc.send(getPipeline, { cboId: cbo.id }, caller).catch(() => undefined);
        return cboFor(caller, { ...cbo, stage: pipeline?.stage ?? null });
      }),
    );
    return { ...page, items };
  }

  /** One CBO; its own member reads it without the staff-only facts (`member-view.ts`). */
  async get(caller: Caller, id: string) {
    const { cbo } = await this.rpc.send(getCbo, { id }, caller);
    return { cbo: cboFor(caller, cbo) };
  }

  /** The orchestrator applies the record rule itself (an applicant sees only their CBO's pipeline). */
  async pipeline(caller: Caller, cboId: string) {
    return pipelineFor(caller, await this.rpc.send(getPipeline, { cboId }, caller));
  }

  async issueLinkCode(caller: Caller, cboId: string) {
    await this.get(caller, cboId);
    return this.rpc.send(issueCboLinkCode, { cboId }, caller);
  }

  redeemLinkCode(caller: Caller, code: string) {
    return this.rpc.send(redeemCboLinkCode, { code }, caller);
  }

  duplicates(caller: Caller, probe: RequestOf<typeof findDuplicateCbos>) {
    return this.rpc.send(findDuplicateCbos, probe, caller);
  }

  /** The member's own CBO and its pipeline; nothing before the account is linked. */
  async mine(caller: Caller) {
    if (caller.kind !== 'applicant' || !caller.cboId) return { cbo: null, pipeline: null };
    const [{ cbo }, pipeline] = await Promise.all([
      this.get(caller, caller.cboId),
      this.pipeline(caller, caller.cboId).catch(() => null),
    ]);
    return { cbo, pipeline };
  }
}
