import { ApplicationFailure } from '@temporalio/common';
import type { Contract, ErrorCode, RequestOf, ResponseOf } from '@bandanh/contracts';
import { DomainError, systemCaller, type NatsRpc } from '@bandanh/platform';

/** Refusals that a retry cannot change: the workflow hears them at once. */
const FINAL: readonly ErrorCode[] = ['VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN'];

/** An activity's request to an owning service, as the orchestrator itself. */
export type ServiceCall = <C extends Contract>(contract: C, input: RequestOf<C>) => Promise<ResponseOf<C>>;

/**
 * Sends activities' requests as the orchestrator. A refusal no retry can change becomes a
 * non-retryable failure carrying its code, message and details; anything else is retried.
 */
export function serviceCall(rpc: NatsRpc): ServiceCall {
  const orchestrator = systemCaller('orchestrator');
  return async (contract, input) => {
    try {
      return await rpc.send(contract, input, orchestrator);
    } catch (error) {
      if (error instanceof DomainError && FINAL.includes(error.code)) {
        throw ApplicationFailure.create({
          message: error.message,
          type: error.code,
          details: error.details ? [error.details] : [],
          nonRetryable: true,
        });
      }
      throw error;
    }
  };
}
