import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';

/** Retried with a growing pause, without end: an owning service that is down comes back. */
const RETRY = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;

/** Every workflow's activities: a call to an owning service or the inbox, retried until it goes through. */
export const ACTIVITY_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: RETRY,
} as const satisfies ActivityOptions;

/**
 * A short call the worker runs itself, within the workflow task that asks for it: no round
 * trip through the Temporal server. Its result is recorded like an activity's. The first
 * retries wait in the worker; once the pause grows past ten seconds (an owning service that
 * stays down), each waits on a durable timer instead, so a long outage neither holds the
 * workflow task open nor fills the history with its heartbeats.
 */
export const LOCAL_ACTIVITY_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: RETRY,
  localRetryThreshold: '10 seconds',
} as const satisfies LocalActivityOptions;
