import { Injectable } from '@nestjs/common';
import {
  decideCboDuplicate,
  getPipeline,
  withdrawCbo,
  type Caller,
  type DecidedDuplicate,
  type DuplicateDecisionDraft,
} from '@bandanh/contracts';
import { DomainError, NatsRpc } from '@bandanh/platform';

/** The steps of a CBO's pipeline that take more than one call. */
@Injectable()
export class PipelineService {
  constructor(private readonly rpc: NatsRpc) {}

  /**
   * A coordinator decides about a CBO flagged as a likely duplicate. The network service keeps
   * the decision (and audits it); a merge then ends the CBO's pipeline through its workflow, as
   * withdrawn with a reason that names the CBO it duplicates. A retry of the same merge finds the
   * decision kept and ends a pipeline not ended yet; one already withdrawn stays as it is.
   */
  async decideDuplicate(
    caller: Caller,
    cboId: string,
    decision: DuplicateDecisionDraft,
  ): Promise<DecidedDuplicate> {
    const { cbo } = await this.rpc.send(decideCboDuplicate, { id: cboId, decision }, caller);
    if (decision.decision !== 'merged') return { cbo, pipeline: null };
    const reason = `Duplicate of CBO ${decision.into}: merged into the record already kept`;
    const pipeline = await this.rpc.send(withdrawCbo, { cboId, reason }, caller).catch(async (error) => {
      if (!(error instanceof DomainError) || error.code !== 'CONFLICT') throw error;
      const current = await this.rpc.send(getPipeline, { cboId }, caller);
      if (current.stage !== 'withdrawn') throw error;
      return current;
    });
    return { cbo, pipeline };
  }
}
