import { join } from 'node:path';
import type { ExpansionPhase } from '@bandanh/contracts';
import { replayAndKeep, replayRecordedHistories, useWorkflowTestEnvironment } from '../../test/workflow-test';
import { OPEN_NEXT_PHASE_WORKFLOW, type ExpansionActivities } from './definitions';

/** The network service's expansion plan, in memory: the phase due (if any), and what was asked. */
class FakePlan {
  asked: string[] = [];

  constructor(private readonly due: ExpansionPhase | null) {}

  activities(): ExpansionActivities {
    return {
      openDuePhase: async ({ asOf }) => {
        this.asked.push(asOf);
        return this.due;
      },
    };
  }
}

function phase(overrides: Partial<ExpansionPhase> = {}): ExpansionPhase {
  return {
    seq: 2,
    provinces: ['KH-1', 'KH-3'],
    opensOn: '2027-01-01',
    openedAt: '2027-01-01T00:00:05.000Z',
    ...overrides,
  };
}

describe('the network expansion workflow', () => {
  const t = useWorkflowTestEnvironment();
  const histories = join(__dirname, 'histories');

  const run = (plan: FakePlan) =>
    t.withWorker(plan.activities(), (taskQueue) =>
      t.env.client.workflow.execute(OPEN_NEXT_PHASE_WORKFLOW, {
        workflowId: `expansion-${crypto.randomUUID()}`,
        taskQueue,
        args: [],
      }),
    );

  it('opens the phase that is due, asking the plan as of the workflow’s own time', async () => {
    const plan = new FakePlan(phase());
    await expect(run(plan)).resolves.toEqual(phase());
    expect(plan.asked).toHaveLength(1);
    expect(Math.abs(Date.parse(plan.asked[0]) - Date.now())).toBeLessThan(60_000);
  });

  it('opens nothing when no phase is due', async () => {
    await expect(run(new FakePlan(null))).resolves.toBeNull();
  });

  it('replays the recorded history of every released version, so a change that breaks scheduled runs fails here', async () => {
    expect(await replayRecordedHistories(histories, t.bundle)).toBeGreaterThan(0);
  });

  it('records a run that replays, the history a release keeps (RECORD_HISTORY=<file> writes it)', async () => {
    const plan = new FakePlan(phase());
    await t.withWorker(plan.activities(), async (taskQueue) => {
      const handle = await t.env.client.workflow.start(OPEN_NEXT_PHASE_WORKFLOW, {
        workflowId: `expansion-${crypto.randomUUID()}`,
        taskQueue,
        args: [],
      });
      await handle.result();
      await replayAndKeep(handle, histories, t.bundle);
    });
  });
});
