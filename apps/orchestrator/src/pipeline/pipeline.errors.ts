import type { PipelineRefusal, PipelineStage } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

/** No pipeline runs for this CBO (or the caller may not see it). */
export function pipelineNotFound(cboId: string): DomainError {
  return DomainError.notFound('Pipeline of CBO', cboId);
}

/** A step for a pipeline that has ended (withdrawn): refused as a running pipeline would refuse it. */
export function pipelineEnded(stage: PipelineStage): DomainError {
  return new DomainError('CONFLICT', `The CBO is at the ${stage} stage, so this step cannot be taken`, {
    reason: 'wrong_stage' satisfies PipelineRefusal,
    stage,
  });
}
