// The baseline: the least a workflow can do with the pipeline's shape. It is started, then
// takes two updates, each of which runs one activity that does nothing; after the second it
// ends. The bench's own worker runs it on a task queue of its own (run.ts).
import {
  condition,
  defineUpdate,
  proxyActivities,
  setHandler,
} from '../../apps/orchestrator/node_modules/@temporalio/workflow';

export interface BaselineActivities {
  /** Does nothing: the cost measured is Temporal's, not the activity's. */
  touch(input: { step: number }): Promise<number>;
}

export const BASELINE_WORKFLOW = 'twoStepBaseline';
export const firstStep = defineUpdate<number>('first');
export const secondStep = defineUpdate<number>('second');

// The pipeline's own activity options (libs/workflows/src/cbo-pipeline/workflow.ts).
const { touch } = proxyActivities<BaselineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export async function twoStepBaseline(): Promise<number> {
  let steps = 0;
  setHandler(firstStep, async () => (steps = await touch({ step: 1 })));
  setHandler(secondStep, async () => (steps = await touch({ step: 2 })));
  await condition(() => steps === 2);
  return steps;
}
