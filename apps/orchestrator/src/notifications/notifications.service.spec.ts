import { applicant, CBO_ID, fake, network, staff } from '../testing/factories';
import { decisionMessage } from './notifications.fakes';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { NotificationWorkflows } from './notifications.temporal';

const OTHER_CBO = '66666666-6666-4666-8666-666666666666';

function channel(started = true) {
  const workflows = fake<NotificationWorkflows>({
    start: async (request) => ({ workflowId: `notification-${request.key}`, started }),
  });
  const repository = fake<NotificationsRepository>({ list: async () => [] });
  return { workflows, repository, service: new NotificationsService(workflows, repository) };
}

describe('the notification channel', () => {
  it('sends for the services and for admins, and answers whether this call started the message', async () => {
    const { workflows, service } = channel();
    const message = decisionMessage();
    const callers = [
      network,
      { kind: 'system', service: 'identity' } as const,
      { kind: 'system', service: 'training' } as const,
      { kind: 'system', service: 'grants' } as const,
      staff('admin'),
    ];
    for (const caller of callers) {
      await expect(service.send(caller, message)).resolves.toEqual({
        key: message.key,
        workflowId: `notification-${message.key}`,
        started: true,
      });
    }
    expect(workflows.start).toHaveBeenCalledWith(message);
  });

  it('answers "already started" for a key sent before, without an error', async () => {
    const { service } = channel(false);
    await expect(service.send(network, decisionMessage())).resolves.toMatchObject({ started: false });
  });

  it('refuses senders who are neither a service nor an admin, and starts nothing', async () => {
    const { workflows, service } = channel();
    for (const caller of [staff('coordinator', 'approver'), applicant(), { kind: 'anonymous' } as const]) {
      await expect(service.send(caller, decisionMessage())).rejects.toMatchObject({
        code: expect.stringMatching(/FORBIDDEN|UNAUTHENTICATED/),
      });
    }
    expect(workflows.start).not.toHaveBeenCalled();
  });

  it('refuses a message whose template cannot be filled from its values, before anything starts', async () => {
    const { workflows, service } = channel();
    await expect(
      service.send(network, decisionMessage({ params: { outcome: 'declined' } })),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'params' }] } });
    expect(workflows.start).not.toHaveBeenCalled();
  });

  it('lists every message for admins only', async () => {
    const { repository, service } = channel();
    await expect(service.list(staff('admin'), { limit: 50, offset: 0 })).resolves.toEqual([]);
    expect(repository.list).toHaveBeenCalledWith({ status: undefined }, { limit: 50, offset: 0 });
    await expect(service.list(staff('coordinator'), { limit: 50, offset: 0 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(service.list(applicant(), { limit: 50, offset: 0 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it("shows a CBO's messages to its own members and admins, and to no other member", async () => {
    const { repository, service } = channel();
    await expect(service.forCbo(applicant(CBO_ID), CBO_ID)).resolves.toEqual([]);
    await expect(service.forCbo(staff('admin'), OTHER_CBO)).resolves.toEqual([]);
    expect(repository.list).toHaveBeenCalledWith({ cboId: CBO_ID }, { limit: 50, offset: 0 });
    // Another group's member learns nothing, not even that the CBO exists.
    for (const caller of [applicant(OTHER_CBO), applicant(null)]) {
      await expect(service.forCbo(caller, CBO_ID)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(service.forCbo(staff('trainer'), CBO_ID)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(repository.list).toHaveBeenCalledTimes(2);
  });

  it("lists the messages to a person's own account, for anyone signed in and nobody else", async () => {
    const { repository, service } = channel();
    const trainer = staff('trainer');
    const member = applicant(CBO_ID);
    await expect(service.mine(trainer, 20)).resolves.toEqual([]);
    await expect(service.mine(member, 5)).resolves.toEqual([]);
    expect(repository.list).toHaveBeenNthCalledWith(
      1,
      { userId: trainer.kind === 'staff' ? trainer.userId : '' },
      { limit: 20, offset: 0 },
    );
    expect(repository.list).toHaveBeenNthCalledWith(
      2,
      { userId: member.kind === 'applicant' ? member.userId : '' },
      { limit: 5, offset: 0 },
    );
    for (const caller of [network, { kind: 'anonymous' } as const]) {
      await expect(service.mine(caller, 20)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('gives a member the address only of their own messages; an admin every address', async () => {
    const member = applicant(CBO_ID);
    const me = member.kind === 'applicant' ? member.userId : '';
    const sent = (userId: string | null, recipient: string) =>
      ({ key: `k-${recipient}`, kind: 'training_seat', recipient, userId, cboId: CBO_ID }) as never;
    const repository = fake<NotificationsRepository>({
      list: async () => [sent(me, 'me@example.org'), sent(null, 'other@example.org')],
    });
    const service = new NotificationsService(fake<NotificationWorkflows>({}), repository);
    expect((await service.forCbo(member, CBO_ID)).map((n) => n.recipient)).toEqual(['me@example.org', '']);
    expect((await service.forCbo(staff('admin'), CBO_ID)).map((n) => n.recipient)).toEqual([
      'me@example.org',
      'other@example.org',
    ]);
  });
});
