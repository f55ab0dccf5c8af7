// The Temporal SDK as the orchestrator has it. The bench is no package of its own (no
// package.json, no node_modules), so it reaches the orchestrator's dependencies by path. The
// path leads to the same files as the orchestrator's own imports, so the bench's worker shares
// the orchestrator's Temporal Runtime, as a second worker in the same process would.
import path from 'node:path';

export {
  Client,
  Connection,
  type WorkflowHandle,
} from '../../apps/orchestrator/node_modules/@temporalio/client';
export {
  DefaultLogger,
  NativeConnection,
  Worker,
  bundleWorkflowCode,
} from '../../apps/orchestrator/node_modules/@temporalio/worker';

/** Where the orchestrator's packages are, for webpack to find `@temporalio/workflow` from here. */
export const ORCHESTRATOR_MODULES = path.resolve(__dirname, '../../apps/orchestrator/node_modules');
