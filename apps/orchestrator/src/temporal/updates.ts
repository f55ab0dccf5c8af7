import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ERROR_CODES, type ErrorCode } from '@bandanh/contracts';
import { DomainError } from '@bandanh/platform';

/**
 * Runs a workflow update and turns its refusals into the contracts' errors: a validator's
 * or an activity's ApplicationFailure keeps its code, message and details.
 */
export async function runUpdate<T>(what: string, id: string, update: () => Promise<T>): Promise<T> {
  try {
    return await update();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw DomainError.notFound(what, id);
    if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
      throw new DomainError('UNAVAILABLE', 'The step was not confirmed in time; retry it');
    }
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const { type, message, details } = error.cause;
      const code: ErrorCode = ERROR_CODES.includes(type as ErrorCode) ? (type as ErrorCode) : 'CONFLICT';
      const detail = (details?.[0] ?? undefined) as Record<string, unknown> | undefined;
      throw new DomainError(code, message, detail);
    }
    throw error;
  }
}

/** What a step's update runs on: the workflow's update, and whether it is still running. */
export interface StepTarget<V> {
  update(): Promise<V>;
  running(): Promise<boolean | undefined>;
}

/**
 * Runs a step's update. A workflow that has ended takes no update: its NOT_FOUND becomes the
 * refusal the running workflow would have given (`ended`, from where it ended), so a caller
 * reads the same reason whether it was a moment early or late.
 */
export async function stepOrEnded<V>(target: StepTarget<V>, ended: () => Promise<DomainError>): Promise<V> {
  try {
    return await target.update();
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'NOT_FOUND')) throw error;
    if ((await target.running()) !== false) throw error;
    throw await ended();
  }
}
