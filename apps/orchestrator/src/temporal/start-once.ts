import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';

/**
 * Starts the workflow `workflowId` unless it has run already: the id comes from the record's,
 * and Temporal refuses a duplicate, so a retried command finds it there and starts nothing twice.
 */
export async function startOnce(
  client: Client,
  workflowType: string,
  /** `memo`: what a listing of the workflows shows of each without asking it (e.g. its CBO). */
  options: { workflowId: string; taskQueue: string; args: unknown[]; memo?: Record<string, unknown> },
): Promise<{ workflowId: string; started: boolean }> {
  try {
    await client.workflow.start(workflowType, {
      ...options,
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return { workflowId: options.workflowId, started: true };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) {
      return { workflowId: options.workflowId, started: false };
    }
    throw error;
  }
}
