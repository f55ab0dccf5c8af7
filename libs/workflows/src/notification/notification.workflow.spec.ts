import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { join } from 'node:path';
import { notificationWorkflowId } from '@bandanh/contracts';
import { replayAndKeep, replayRecordedHistories, useWorkflowTestEnvironment } from '../../test/workflow-test';
import {
  NOTIFICATION_WORKFLOW,
  type NotificationActivities,
  type NotificationInput,
  type NotificationOutcome,
} from './definitions';

/** The SMTP relay and the log of attempts, in memory: it fails the first `failures` attempts. */
class FakeRelay {
  attempts = 0;
  sent: NotificationInput[] = [];
  abandoned: Array<{ key: string; error: string }> = [];

  constructor(
    private failures = 0,
    private readonly final = false,
  ) {}

  activities(): NotificationActivities {
    return {
      deliverNotification: async (input) => {
        this.attempts += 1;
        if (this.failures > 0) {
          this.failures -= 1;
          if (this.final) throw ApplicationFailure.nonRetryable('550 mailbox unavailable', 'SMTP_REJECTED');
          throw new Error('connect ECONNREFUSED 127.0.0.1:1');
        }
        this.sent.push(input);
      },
      abandonNotification: async (input) => {
        this.abandoned.push(input);
      },
    };
  }
}

const message = (key: string): NotificationInput => ({
  key,
  kind: 'cbo_decision',
  locale: 'km',
  recipient: { email: 'member@example.org' },
  params: { cboName: 'Prey Lang', outcome: 'selected', reason: '' },
});

describe('the notification workflow', () => {
  const t = useWorkflowTestEnvironment();
  const histories = join(__dirname, 'histories');

  async function send(relay: FakeRelay, key = `test-${crypto.randomUUID()}`) {
    return t.withWorker(relay.activities(), async (taskQueue) => {
      const handle = await t.env.client.workflow.start(NOTIFICATION_WORKFLOW, {
        workflowId: notificationWorkflowId(key),
        taskQueue,
        args: [message(key)],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      const outcome = (await handle.result()) as NotificationOutcome;
      return { handle, outcome, taskQueue, key };
    });
  }

  it('sends a message once, and a second start of the same key is refused', async () => {
    const relay = new FakeRelay();
    const { outcome, taskQueue, key } = await send(relay);
    expect(outcome).toBe('sent');
    expect(relay.sent).toEqual([message(key)]);
    await expect(
      t.env.client.workflow.start(NOTIFICATION_WORKFLOW, {
        workflowId: notificationWorkflowId(key),
        taskQueue,
        args: [message(key)],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      }),
    ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
    expect(relay.attempts).toBe(1);
  });

  it('retries a relay that fails, with a growing pause, until the message goes through', async () => {
    const relay = new FakeRelay(2);
    const started = Date.now();
    const { outcome } = await send(relay);
    expect(outcome).toBe('sent');
    expect(relay.attempts).toBe(3);
    // 1 s, then 2 s between the attempts.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
    expect(relay.abandoned).toEqual([]);
  });

  it('gives a message up at once when the relay refuses it for good, and records why', async () => {
    const relay = new FakeRelay(1, true);
    const { outcome, key } = await send(relay);
    expect(outcome).toBe('failed');
    expect(relay.attempts).toBe(1);
    expect(relay.abandoned).toEqual([{ key, error: '550 mailbox unavailable' }]);
  });

  it('replays the recorded history of every released version, so a change that breaks running messages fails here', async () => {
    expect(await replayRecordedHistories(histories, t.bundle)).toBeGreaterThan(0);
  });

  it('records a run with a retry that replays, the history a release keeps (RECORD_HISTORY=<file> writes it)', async () => {
    const { handle } = await send(new FakeRelay(1));
    await replayAndKeep(handle, histories, t.bundle);
  });
});
