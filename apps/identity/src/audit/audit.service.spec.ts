import { ANONYMOUS, systemCaller } from '@bandanh/platform';
import type { Caller } from '@bandanh/contracts';
import { id } from '../testing/fakes';
import { fakeAudit } from './audit.fakes';

const admin: Caller = { kind: 'staff', userId: id(1), roles: ['admin'] };
const coordinator: Caller = { kind: 'staff', userId: id(2), roles: ['coordinator'] };
const orchestrator = systemCaller('orchestrator');

describe('the audit log', () => {
  it('names the caller as the actor: a person, a service, or nobody', async () => {
    const { audit, log } = fakeAudit();
    await audit.append(coordinator, {
      action: 'cbo.read',
      outcome: 'success',
      targetType: 'cbo',
      targetId: 'c1',
    });
    await audit.append(orchestrator, { action: 'pipeline.step', outcome: 'success' });
    await audit.append(ANONYMOUS, { action: 'route.denied', outcome: 'denied' });

    expect(log.entries.map((entry) => entry.actorId)).toEqual([id(2), 'system:orchestrator', null]);
    expect(log.entries[0]).toMatchObject({ targetType: 'cbo', targetId: 'c1', details: {} });
  });

  it('lets a service record a person’s step for them, saying which service recorded it', async () => {
    const { audit, log } = fakeAudit();
    const seq = await audit.append(orchestrator, {
      action: 'selection.approve',
      outcome: 'success',
      details: { cboId: 'c1' },
      onBehalfOf: id(3),
    });

    expect(seq).toBe(1);
    expect(log.entries[0]).toMatchObject({
      actorId: id(3),
      details: { cboId: 'c1', recordedBy: 'system:orchestrator' },
    });
  });

  it('lets a service record the public’s step, or another service’s, naming itself as recorder', async () => {
    const { audit, log } = fakeAudit();
    const network = systemCaller('network');
    await audit.append(network, { action: 'network.cbo.apply', outcome: 'success', onBehalfOf: null });
    await audit.append(network, {
      action: 'network.cbo.recordStage',
      outcome: 'success',
      onBehalfOf: 'system:orchestrator',
    });

    expect(log.entries.map(({ actorId, details }) => ({ actorId, details }))).toEqual([
      { actorId: null, details: { recordedBy: 'system:network' } },
      { actorId: 'system:orchestrator', details: { recordedBy: 'system:network' } },
    ]);
    expect(() =>
      audit.append(coordinator, { action: 'network.cbo.apply', outcome: 'success', onBehalfOf: null }),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('pages the entries that match, newest first, with the cursors to older and newer pages', async () => {
    const { audit } = fakeAudit();
    for (let i = 1; i <= 7; i++) {
      await audit.record(i % 2 ? id(1) : id(2), { action: i % 2 ? 'odd' : 'even', outcome: 'success' });
    }
    const first = await audit.page(admin, { limit: 2, action: 'odd' });
    expect(first.items.map((entry) => entry.seq)).toEqual([7, 5]);
    expect(first).toMatchObject({ older: 5, newer: null });
    const older = await audit.page(admin, { limit: 2, action: 'odd', before: first.older! });
    expect(older.items.map((entry) => entry.seq)).toEqual([3, 1]);
    expect(older).toMatchObject({ older: null, newer: 3 });
    const back = await audit.page(admin, { limit: 2, action: 'odd', after: older.newer! });
    expect(back.items.map((entry) => entry.seq)).toEqual([7, 5]);
    expect((await audit.page(admin, { limit: 10, actorId: id(2) })).items.map((entry) => entry.seq)).toEqual([
      6, 4, 2,
    ]);
    expect(() => audit.page(coordinator, { limit: 10 })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('refuses a person who records an entry for someone else', () => {
    const { audit, log } = fakeAudit();
    expect(() =>
      audit.append(coordinator, { action: 'selection.approve', outcome: 'success', onBehalfOf: id(3) }),
    ).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message: 'Only a service may record an entry for someone else',
      }),
    );
    expect(log.entries).toHaveLength(0);
  });

  it('shows and verifies the log to admins only', () => {
    const { audit } = fakeAudit();
    for (const read of [() => audit.latest(coordinator, 10), () => audit.verify(coordinator)]) {
      expect(read).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN', message: 'This needs one of the roles: admin' }),
      );
    }
    for (const read of [() => audit.latest(orchestrator, 10), () => audit.verify(orchestrator)]) {
      expect(read).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    }
  });

  it('answers the newest entries first, and finds the first entry that was changed', async () => {
    const { audit, log } = fakeAudit();
    for (const action of ['a', 'b', 'c', 'd']) await audit.record(id(1), { action, outcome: 'failure' });

    expect((await audit.latest(admin, 2)).map((entry) => entry.action)).toEqual(['d', 'c']);
    await expect(audit.verify(admin)).resolves.toEqual({ valid: true, entries: 4, firstBrokenSeq: null });
    log.entries[2].outcome = 'success';
    await expect(audit.verify(admin)).resolves.toEqual({ valid: false, entries: 4, firstBrokenSeq: 3 });
  });
});
