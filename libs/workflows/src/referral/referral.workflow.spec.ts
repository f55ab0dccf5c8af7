import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import { join } from 'node:path';
import { referralWorkflowId } from '@bandanh/contracts';
import { waitFor } from '@bandanh/platform/testing';
import { FakeInbox } from '../../test/fake-inbox';
import { replayAndKeep, replayRecordedHistories, useWorkflowTestEnvironment } from '../../test/workflow-test';
import type { Actor, TaskTimings } from '../shared/definitions';
import {
  REFERRAL_FOLLOW_UP_WORKFLOW,
  referralOutcomeUpdate,
  referralStatusQuery,
  type FollowUpOutcome,
  type ReferralActivities,
} from './definitions';

const coordinator: Actor = { userId: '44444444-4444-4444-8444-444444444444', roles: ['coordinator'] };
const assessor: Actor = { userId: '11111111-1111-4111-8111-111111111111', roles: ['assessor'] };
const SLOW: TaskTimings = { remindAfter: '1 hour', escalateAfter: '1 hour', escalateTo: 'approver' };

/** The network service's referrals and the inbox, in memory: what the follow-up asked, in order. */
class FakeWorld {
  outcomes: Array<{ outcome: FollowUpOutcome; note?: string }> = [];
  readonly inbox: FakeInbox;

  constructor(timings: TaskTimings) {
    this.inbox = new FakeInbox(timings);
  }

  get tasks() {
    return this.inbox.tasks;
  }

  activities(): ReferralActivities {
    return {
      recordReferralOutcome: async ({ outcome, note }) => {
        this.outcomes.push({ outcome, note });
      },
      ...this.inbox.activities(),
    };
  }

  statuses(): string[] {
    return [...this.tasks.values()].map((task) => task.status);
  }
}

describe('the referral follow-up workflow', () => {
  const t = useWorkflowTestEnvironment();
  const histories = join(__dirname, 'histories');

  /** Runs a follow-up for a new referral on a fresh worker; `run` drives it through its handle. */
  async function withFollowUp(world: FakeWorld, run: (handle: WorkflowHandle) => Promise<void>) {
    const referralId = crypto.randomUUID();
    await t.withWorker(world.activities(), async (taskQueue) => {
      const handle = await t.env.client.workflow.start(REFERRAL_FOLLOW_UP_WORKFLOW, {
        workflowId: referralWorkflowId(referralId),
        taskQueue,
        args: [{ referralId, cboId: crypto.randomUUID(), label: 'Prey Lang → Legal Aid' }],
      });
      await run(handle);
      await handle.terminate('test over').catch(() => undefined);
    });
  }

  const tasksOpen = (world: FakeWorld, count: number) =>
    waitFor(async () => (world.tasks.size === count ? true : undefined), { what: `task ${count}` });

  it('keeps a coordinator task open until the outcome closes it; "in progress" opens a new one', async () => {
    const world = new FakeWorld(SLOW);
    await withFollowUp(world, async (handle) => {
      await tasksOpen(world, 1);
      expect([...world.tasks.values()][0]).toMatchObject({ role: 'coordinator', status: 'open' });

      const still = await handle.executeUpdate(referralOutcomeUpdate, {
        args: [{ actor: coordinator, outcome: 'in_progress', note: 'The partner is reading the file' }],
      });
      expect(still).toEqual({ status: 'open' });
      await tasksOpen(world, 2);
      expect(world.statuses()).toEqual(['done', 'open']);

      const closed = await handle.executeUpdate(referralOutcomeUpdate, {
        args: [{ actor: coordinator, outcome: 'resolved' }],
      });
      expect(closed).toEqual({ status: 'closed' });
      await expect(handle.result()).resolves.toBeUndefined();
      expect(world.statuses()).toEqual(['done', 'done']);
      expect(world.outcomes).toEqual([
        { outcome: 'in_progress', note: 'The partner is reading the file' },
        { outcome: 'resolved', note: undefined },
      ]);
    });
  });

  it('refuses an outcome from someone who is not hotline staff, and changes nothing', async () => {
    const world = new FakeWorld(SLOW);
    await withFollowUp(world, async (handle) => {
      await tasksOpen(world, 1);
      const error = await handle
        .executeUpdate(referralOutcomeUpdate, { args: [{ actor: assessor, outcome: 'resolved' }] })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(((error as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe('FORBIDDEN');
      expect(await handle.query(referralStatusQuery)).toBe('open');
      expect(world.outcomes).toEqual([]);
      expect(world.statuses()).toEqual(['open']);
    });
  });

  it('reminds the coordinators of an overdue follow-up, then escalates it', async () => {
    const world = new FakeWorld({ remindAfter: '1 second', escalateAfter: '1 second', escalateTo: 'admin' });
    await withFollowUp(world, async (handle) => {
      const task = await world.inbox.firstEscalated();
      expect(task).toMatchObject({
        status: 'open',
        reminded: true,
        escalatedTo: 'admin',
        role: 'coordinator',
      });
      await handle.executeUpdate(referralOutcomeUpdate, {
        args: [{ actor: coordinator, outcome: 'not_taken_up' }],
      });
      expect(task.status).toBe('done');
    });
  });

  it('replays the recorded history of every released version, so a change that breaks running follow-ups fails here', async () => {
    expect(await replayRecordedHistories(histories, t.bundle)).toBeGreaterThan(0);
  });

  it('records a full run that replays, the history a release keeps (RECORD_HISTORY=<file> writes it)', async () => {
    const world = new FakeWorld(SLOW);
    await withFollowUp(world, async (handle) => {
      await tasksOpen(world, 1);
      await handle.executeUpdate(referralOutcomeUpdate, {
        args: [{ actor: coordinator, outcome: 'in_progress', note: 'Recorded run' }],
      });
      await tasksOpen(world, 2);
      await handle.executeUpdate(referralOutcomeUpdate, {
        args: [{ actor: coordinator, outcome: 'resolved' }],
      });
      await handle.result();
      await replayAndKeep(handle, histories, t.bundle);
    });
  });
});
