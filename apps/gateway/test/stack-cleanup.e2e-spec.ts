import { Client, Connection } from '@temporalio/client';
import { waitFor } from '@bandanh/platform/testing';
import { TestStack, runningWorkflows } from './stack';

/**
 * A test stack leaves no workflow running on its task queue when it stops (no worker would
 * ever poll it again), even on a Temporal server that outlives the test run.
 */
describe('a stopped test stack', () => {
  let stack: TestStack | undefined;
  let connection: Connection;

  beforeAll(async () => {
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  });

  afterAll(async () => {
    await stack?.stop();
    await connection?.close();
  });

  it('terminates the pipelines still running on its task queue', async () => {
    stack = await TestStack.start('cleanup');
    const taskQueue = stack.env.TEMPORAL_TASK_QUEUE;
    const { workflowId } = await stack.recordCbo({
      name: 'Stung Sen Cleanup Group',
      provinceCode: 'KH-6',
      focusIssues: ['land'],
      foundVia: 'field_visit',
    });
    const temporal = new Client({ connection });
    // The pipeline waits for its assessment: it runs until someone ends it.
    await waitFor(
      async () =>
        (await runningWorkflows(temporal, taskQueue)).some((w) => w.workflowId === workflowId)
          ? true
          : undefined,
      { what: `${workflowId} to run on ${taskQueue}`, timeoutMs: 30_000 },
    );

    const stopping = stack;
    stack = undefined;
    await stopping.stop();

    expect(await runningWorkflows(temporal, taskQueue)).toEqual([]);
    const described = await temporal.workflow.getHandle(workflowId).describe();
    expect(described.status.name).toBe('TERMINATED');
  }, 60_000);
});
