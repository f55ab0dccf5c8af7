// What every workflow test needs: a Temporal test server (the local CLI's, as there is no
// download here), the workflows' bundle (built once per run, or per file), a fresh worker per run, and the
// recorded histories that each release keeps and replays.
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  DefaultLogger,
  Runtime,
  Worker,
  type WorkerOptions,
  type WorkflowBundleOption,
} from '@temporalio/worker';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporalBinary, uniqueName } from '@bandanh/platform/testing';

export interface WorkflowTestContext {
  readonly env: TestWorkflowEnvironment;
  readonly bundle: WorkflowBundleOption;
  /** Runs `run` while a fresh worker, with `activities`, polls a task queue of its own. */
  withWorker<T>(
    activities: WorkerOptions['activities'],
    run: (taskQueue: string) => Promise<T>,
    options?: Partial<WorkerOptions>,
  ): Promise<T>;
  /**
   * Starts `workflow` (as `workflowId`, with `args`) on a fresh worker with `activities`, runs
   * `run` with its handle, and terminates it afterwards, whatever `run` did.
   */
  withWorkflow(
    activities: WorkerOptions['activities'],
    start: { workflow: string; workflowId: string; args: unknown[] },
    run: (handle: WorkflowHandle) => Promise<void>,
  ): Promise<void>;
}

/** The refusal an update met (its ApplicationFailure): type, message and details. */
export async function updateRefusal(
  promise: Promise<unknown>,
): Promise<{ type: string; message: string; details: unknown }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
  return { type: cause.type ?? '', message: cause.message, details: cause.details?.[0] };
}

/** Starts the test server and bundles the workflows before the file's tests, and stops it after. */
export function useWorkflowTestEnvironment(): WorkflowTestContext {
  let env: TestWorkflowEnvironment | undefined;
  let bundle: WorkflowBundleOption | undefined;
  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: temporalBinary() } },
    });
    // The run's bundle when jest built one (infra/jest/global-setup.js), else this file's own.
    const prebuilt = process.env.TEMPORAL_WORKFLOW_BUNDLE;
    bundle = prebuilt
      ? { codePath: prebuilt }
      : await bundleWorkflowCode({
          workflowsPath: require.resolve('../src/workflows'),
          logger: new DefaultLogger('WARN'),
        });
  });
  afterAll(async () => {
    await env?.teardown();
  });
  const context: WorkflowTestContext = {
    get env() {
      if (!env) throw new Error('The workflow test environment is not started');
      return env;
    },
    get bundle() {
      if (!bundle) throw new Error('The workflows are not bundled');
      return bundle;
    },
    async withWorker(activities, run, options = {}) {
      const taskQueue = options.taskQueue ?? uniqueName('wf');
      const worker = await Worker.create({
        connection: context.env.nativeConnection,
        taskQueue,
        workflowBundle: context.bundle,
        activities,
        ...options,
      });
      return worker.runUntil(() => run(taskQueue));
    },
    async withWorkflow(activities, { workflow, workflowId, args }, run) {
      await context.withWorker(activities, async (taskQueue) => {
        const handle = await context.env.client.workflow.start(workflow, { workflowId, taskQueue, args });
        try {
          await run(handle);
        } finally {
          await handle.terminate('test over').catch(() => undefined);
        }
      });
    },
  };
  return context;
}

/**
 * Replays every history recorded under `dir` (one full run of a released version each): a
 * change that would replay one differently fails, and must go behind `patched()`.
 */
export async function replayRecordedHistories(dir: string, bundle: WorkflowBundleOption): Promise<number> {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
  for (const file of files) {
    const history = historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: bundle }, history);
  }
  return files.length;
}

/**
 * Replays the finished run of `handle`, and keeps its history under `dir` when the test runs
 * with RECORD_HISTORY=<file name>: the history a release commits.
 */
export async function replayAndKeep(
  handle: WorkflowHandle,
  dir: string,
  bundle: WorkflowBundleOption,
): Promise<void> {
  const history = await handle.fetchHistory();
  await Worker.runReplayHistory({ workflowBundle: bundle }, history);
  if (process.env.RECORD_HISTORY) {
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, process.env.RECORD_HISTORY), historyToJSON(history));
  }
}
