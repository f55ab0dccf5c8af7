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
