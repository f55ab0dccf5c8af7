import { Injectable } from '@nestjs/common';
import {
  assessCbo,
  cboPipelineWorkflowId,
  decideSelection,
  findDuplicateCbos,
  listAssessments,
  listHotlineCalls,
  logHotlineCall,
  reopenAssessment,
  withdrawCbo,
  type AssessmentDraft,
  type HotlineCallDraft,
  type RequestOf,
  type SelectionDecision,
  createCbo,
  createCboClaim,
  decideCboClaim,
  listCboClaims,
  getCbo,
  getPipeline,
  issueCboLinkCode,
  listCbos,
  redeemCboLinkCode,
  type Caller,
  type CboDraft,
  type ListCbosQuery,
} from '@bandanh/contracts';
import { NatsRpc } from '@bandanh/platform';

/** Each call goes out with the caller's identity; the services apply their record rules with it. */
@Injectable()
export class CbosService {
  constructor(private readonly rpc: NatsRpc) {}

  /**
   * The network service stores the CBO once per key, and with it the command that starts its
   * pipeline (its outbox): nothing is half done if a process dies in between.
   */
  async record(caller: Caller, idempotencyKey: string, draft: CboDraft) {
    const { cbo, created } = await this.rpc.send(createCbo, { idempotencyKey, draft }, caller);
    return { cbo, workflowId: cboPipelineWorkflowId(cbo.id), created };
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
        if (cbo.stage !== null) return cbo;
        const pipeline = await this.rpc.send(getPipeline, { cboId: cbo.id }, caller).catch(() => undefined);
        return { ...cbo, stage: pipeline?.stage ?? null };
      }),
    );
    return { ...page, items };
  }

  get(caller: Caller, id: string) {
    return this.rpc.send(getCbo, { id }, caller);
  }

  /** The orchestrator applies the record rule itself (an applicant sees only their CBO's pipeline). */
  pipeline(caller: Caller, cboId: string) {
    return this.rpc.send(getPipeline, { cboId }, caller);
  }

  async issueLinkCode(caller: Caller, cboId: string) {
    await this.get(caller, cboId);
    return this.rpc.send(issueCboLinkCode, { cboId }, caller);
  }

  redeemLinkCode(caller: Caller, code: string) {
    return this.rpc.send(redeemCboLinkCode, { code }, caller);
  }

  claim(caller: Caller, draft: { cboName: string; provinceCode: string; note?: string }) {
    return this.rpc.send(createCboClaim, draft, caller);
  }

  claims(caller: Caller, status?: 'pending' | 'confirmed' | 'declined') {
    return this.rpc.send(listCboClaims, { status }, caller);
  }

  /** A confirmation names a CBO the network service knows. */
  async decideClaim(
    caller: Caller,
    claimId: string,
    decision: { decision: 'confirm'; cboId: string } | { decision: 'decline'; reason: string },
  ) {
    if (decision.decision === 'confirm') await this.get(caller, decision.cboId);
    return this.rpc.send(decideCboClaim, { claimId, ...decision }, caller);
  }

  duplicates(caller: Caller, probe: RequestOf<typeof findDuplicateCbos>) {
    return this.rpc.send(findDuplicateCbos, probe, caller);
  }

  assess(caller: Caller, cboId: string, draft: AssessmentDraft) {
    return this.rpc.send(assessCbo, { cboId, draft }, caller, { timeoutMs: 30_000 });
  }

  assessments(caller: Caller, cboId: string) {
    return this.rpc.send(listAssessments, { cboId }, caller);
  }

  decide(caller: Caller, cboId: string, decision: SelectionDecision) {
    return this.rpc.send(decideSelection, { cboId, decision }, caller, { timeoutMs: 30_000 });
  }

  reopen(caller: Caller, cboId: string) {
    return this.rpc.send(reopenAssessment, { cboId }, caller, { timeoutMs: 30_000 });
  }

  withdraw(caller: Caller, cboId: string, reason: string) {
    return this.rpc.send(withdrawCbo, { cboId, reason }, caller, { timeoutMs: 30_000 });
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

  async hotline(caller: Caller, cboId: string) {
    await this.get(caller, cboId);
    return this.rpc.send(listHotlineCalls, { cboId, limit: 100 }, caller);
  }

  /** Logs the call once per key; a referral's follow-up starts with it (the network service's outbox). */
  logCall(caller: Caller, cboId: string, idempotencyKey: string, call: HotlineCallDraft) {
    return this.rpc.send(logHotlineCall, { idempotencyKey, cboId, call }, caller);
  }
}
