import { ApplicationFailure } from '@temporalio/common';
import type { Contract } from '@bandanh/contracts';
import { CBO_ID } from '../testing/factories';
import type { ServiceCall } from '../temporal/service-call';
import { decisionNotices, notificationActivities } from './notifications.activities';
import { decisionMessage, InMemoryNotificationLog, MEMBER_ID } from './notifications.fakes';

function relay(failWith?: unknown) {
  const mails: Array<{ to: string; subject: string; text: string; key: string }> = [];
  const audits: unknown[] = [];
  const log = new InMemoryNotificationLog();
  const send = (async (contract: Contract, input: unknown) => {
    audits.push([contract.subject, input]);
    return { seq: 1 };
  }) as ServiceCall;
  const mailer = {
    send: async (mail: (typeof mails)[number]) => {
      if (failWith) throw failWith;
      mails.push(mail);
    },
  };
  return { mails, audits, log, activities: notificationActivities({ log, mailer, send }) };
}

describe('delivering a notification', () => {
  it('writes it in the recipient’s language, sends it once, and records it as sent', async () => {
    const { mails, log, audits, activities } = relay();
    const message = decisionMessage({ locale: 'km' });
    await activities.deliverNotification(message);
    await activities.deliverNotification(message);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: 'member@example.org', key: message.key });
    expect(mails[0].text).toContain('មូលហេតុ៖ Too few members yet');
    expect(log.rows.get(message.key)).toMatchObject({
      status: 'sent',
      attempts: 1,
      locale: 'km',
      cboId: CBO_ID,
      userId: MEMBER_ID,
    });
    expect(audits).toEqual([
      [
        'identity.audit.append',
        expect.objectContaining({
          action: 'notification.sent',
          eventId: `notification:${message.key}:success`,
        }),
      ],
    ]);
  });

  it('records a failed attempt and hands it back to Temporal to retry', async () => {
    const { log, activities } = relay(new Error('connect ECONNREFUSED 127.0.0.1:1'));
    const message = decisionMessage();
    for (let i = 0; i < 2; i++) {
      const error = await activities.deliverNotification(message).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApplicationFailure);
      expect((error as ApplicationFailure).nonRetryable).toBe(false);
    }
    expect(log.rows.get(message.key)).toMatchObject({
      status: 'failed',
      attempts: 2,
      lastError: 'connect ECONNREFUSED 127.0.0.1:1',
    });
  });

  it('does not retry a relay’s permanent refusal', async () => {
    const refusal = Object.assign(new Error('550 No such mailbox'), { responseCode: 550 });
    const { activities } = relay(refusal);
    const error = await activities.deliverNotification(decisionMessage()).catch((e: unknown) => e);
    expect((error as ApplicationFailure).nonRetryable).toBe(true);
  });

  it('keeps an abandoned message failed, with why, without counting another attempt', async () => {
    const { log, activities } = relay(new Error('timeout'));
    const message = decisionMessage();
    await activities.deliverNotification(message).catch(() => undefined);
    await activities.abandonNotification({ key: message.key, error: 'timeout' });
    expect(log.rows.get(message.key)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'timeout' });
  });
});

describe("a decision's notices", () => {
  it("send one message per linked member, in the member's language, with the CBO's name in it", async () => {
    const sent: unknown[] = [];
    const send = (async (contract: Contract) => {
      if (contract.subject === 'network.cbo.get') {
        return { cbo: { id: CBO_ID, name: 'Prey Lang', nameKm: 'ព្រៃឡង' } };
      }
      return {
        items: [
          { userId: MEMBER_ID, email: 'a@example.org', displayName: 'A', locale: 'km' },
          {
            userId: '77777777-7777-4777-8777-777777777777',
            email: 'b@example.org',
            displayName: 'B',
            locale: 'en',
          },
        ],
      };
    }) as ServiceCall;
    const notify = decisionNotices({
      send,
      notifications: {
        send: async (caller, request) => {
          sent.push([caller, request]);
          return { key: request.key, workflowId: `notification-${request.key}`, started: true };
        },
      },
      webUrl: 'https://bandanh.example.org',
    });
    await notify({ cboId: CBO_ID, key: `decision-${CBO_ID}-4`, outcome: 'declined', reason: 'Not yet' });
    expect(sent).toEqual([
      [
        { kind: 'system', service: 'orchestrator' },
        expect.objectContaining({
          key: `decision-${CBO_ID}-4-${MEMBER_ID}`,
          locale: 'km',
          recipient: { email: 'a@example.org', userId: MEMBER_ID },
          params: { cboName: 'ព្រៃឡង', outcome: 'declined', reason: 'Not yet' },
          cboId: CBO_ID,
        }),
      ],
      [
        { kind: 'system', service: 'orchestrator' },
        expect.objectContaining({
          locale: 'en',
          params: { cboName: 'Prey Lang', outcome: 'declined', reason: 'Not yet' },
        }),
      ],
    ]);
  });

  it('send one to the public applicant who left an address, in the language they applied in, with the reference', async () => {
    const sent: Array<{ key: string; kind: string; locale: string; recipient: unknown; params: unknown }> =
      [];
    let applicant = { reference: 'BDH-7Q2M9XKA', email: 'group@example.org', locale: 'km' };
    const send = (async (contract: Contract) => {
      if (contract.subject === 'network.cbo.get') {
        return { cbo: { id: CBO_ID, name: 'Prey Lang', nameKm: 'ព្រៃឡង' } };
      }
      if (contract.subject === 'network.cbo.applicant') return applicant;
      return { items: [] };
    }) as ServiceCall;
    const notify = decisionNotices({
      send,
      notifications: {
        send: async (_caller, request) => {
          sent.push(request);
          return { key: request.key, workflowId: `notification-${request.key}`, started: true };
        },
      },
      webUrl: 'https://bandanh.example.org',
    });
    await notify({
      cboId: CBO_ID,
      key: `decision-${CBO_ID}-screened`,
      outcome: 'declined',
      reason: 'rule:pilot_development',
    });
    expect(sent).toEqual([
      expect.objectContaining({
        key: `decision-${CBO_ID}-screened-applicant`,
        kind: 'application_decision',
        locale: 'km',
        recipient: { email: 'group@example.org' },
        params: {
          cboName: 'ព្រៃឡង',
          outcome: 'declined',
          reason: 'rule:pilot_development',
          reference: 'BDH-7Q2M9XKA',
          statusLink: 'https://bandanh.example.org/km/apply/status?reference=BDH-7Q2M9XKA',
        },
      }),
    ]);

    // A CBO that staff recorded, or an applicant who left no address: nobody to write to.
    sent.length = 0;
    applicant = { reference: 'BDH-7Q2M9XKA', email: null as never, locale: 'en' };
    await notify({ cboId: CBO_ID, key: `decision-${CBO_ID}-2`, outcome: 'selected', reason: null });
    expect(sent).toEqual([]);
  });
});
