import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  Runtime,
  DefaultLogger,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { cboPipelineWorkflowId, type PipelineStage } from '@bandanh/contracts';
import { temporalBinary, uniqueName } from '@bandanh/platform/testing';
import { CBO_PIPELINE_WORKFLOW, stageQuery, type CboPipelineActivities } from './definitions';

describe('the CBO pipeline workflow', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: temporalBinary() } },
    });
    bundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('../workflows'),
      logger: new DefaultLogger('WARN'),
    });
  });

  afterAll(async () => {
    await env?.teardown();
  });

  async function withWorker<T>(activities: CboPipelineActivities, run: (taskQueue: string) => Promise<T>) {
    const taskQueue = uniqueName('pipeline');
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities,
    });
    return worker.runUntil(run(taskQueue));
  }

  it('starts at identified and reports that stage to the network service', async () => {
    const recorded: Array<{ cboId: string; stage: PipelineStage }> = [];
    const cboId = '3f1c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f';
    const stage = await withWorker(
      { recordStage: async (input) => void recorded.push(input) },
      async (taskQueue) => {
        const handle = await env.client.workflow.start(CBO_PIPELINE_WORKFLOW, {
          workflowId: cboPipelineWorkflowId(cboId),
          taskQueue,
          args: [{ cboId }],
        });
        for (let i = 0; i < 50 && recorded.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
        return handle.query(stageQuery);
      },
    );
    expect(stage).toBe('identified');
    expect(recorded).toEqual([{ cboId, stage: 'identified' }]);
  });

  it('keeps retrying the stage report until the network service takes it', async () => {
    let attempts = 0;
    const cboId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    await withWorker(
      {
        recordStage: async () => {
          attempts += 1;
          if (attempts < 3) throw new Error('network service is not answering');
        },
      },
      async (taskQueue) => {
        await env.client.workflow.start(CBO_PIPELINE_WORKFLOW, {
          workflowId: cboPipelineWorkflowId(cboId),
          taskQueue,
          args: [{ cboId }],
        });
        for (let i = 0; i < 100 && attempts < 3; i++) await new Promise((r) => setTimeout(r, 100));
      },
    );
    expect(attempts).toBe(3);
  });

  it('refuses a second pipeline for the same CBO', async () => {
    const cboId = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
    const options = {
      workflowId: cboPipelineWorkflowId(cboId),
      taskQueue: uniqueName('idle'),
      args: [{ cboId }],
    };
    await env.client.workflow.start(CBO_PIPELINE_WORKFLOW, options);
    await expect(env.client.workflow.start(CBO_PIPELINE_WORKFLOW, options)).rejects.toBeInstanceOf(
      WorkflowExecutionAlreadyStartedError,
    );
  });
});
