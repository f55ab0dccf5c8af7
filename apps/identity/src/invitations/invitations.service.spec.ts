import { sha256 } from '@bandanh/platform';
import { callerOf, identityWorld, type IdentityWorld } from '../testing/world';

const GONE = {
  code: 'NOT_FOUND',
  message: 'This invitation link is not valid, was already used, or has expired',
};

describe('invitations', () => {
  let world: IdentityWorld;
  let admin: Awaited<ReturnType<IdentityWorld['givenAccount']>>;
  beforeEach(async () => {
    world = identityWorld({ INVITATION_TTL_HOURS: '72' });
    admin = await world.givenAccount({ kind: 'staff', roles: ['admin'] });
  });

  it('lets only an admin invite', async () => {
    const coordinator = await world.givenAccount({ kind: 'staff', roles: ['coordinator'] });
    await expect(
      world.invitations.create(callerOf(coordinator), 'dara@bandanh.test', ['approver']),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'This needs one of the roles: admin' });
    expect(world.rows.invitations.rows).toHaveLength(0);
  });

  it('refuses to invite an email that has an account', async () => {
    await world.givenAccount({ email: 'dara@bandanh.test' });
    await expect(
      world.invitations.create(callerOf(admin), 'dara@bandanh.test', ['approver']),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This address already has an account: change its roles on the users page',
      details: { reason: 'account_exists' },
    });
    expect(world.rows.invitations.rows).toHaveLength(0);
  });

  it('warns the admin when one person is to be both assessor and approver (four eyes)', async () => {
    const both = await world.invitations.create(callerOf(admin), 'dara@bandanh.test', [
      'assessor',
      'approver',
    ]);
    expect(both.warnings).toEqual(['four_eyes_assessor_approver']);
    const one = await world.invitations.create(callerOf(admin), 'sok@bandanh.test', ['approver', 'trainer']);
    expect(one.warnings).toEqual([]);
  });

  it('stores only the hash of the link, with each role once, for INVITATION_TTL_HOURS', async () => {
    const { invitation, token } = await world.invitations.create(callerOf(admin), 'dara@bandanh.test', [
      'approver',
      'trainer',
      'approver',
    ]);

    const [row] = world.rows.invitations.rows;
    expect(row).toMatchObject({
      tokenHash: sha256(token),
      invitedBy: admin.id,
      roles: ['approver', 'trainer'],
    });
    expect(invitation).toEqual({
      id: row.id,
      email: 'dara@bandanh.test',
      roles: ['approver', 'trainer'],
      expiresAt: row.expiresAt.toISOString(),
    });
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(72 * 3_600_000 - 5_000);
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(72 * 3_600_000);
    expect(world.log.entries).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        action: 'invitation.create',
        targetType: 'invitation',
        targetId: row.id,
        details: { roles: ['approver', 'trainer'] },
      }),
    ]);
  });

  it('describes a live link, and answers the same NOT_FOUND for an unknown or an expired one', async () => {
    const { token } = await world.invitations.create(callerOf(admin), 'dara@bandanh.test', ['approver']);
    await expect(world.invitations.describe(token)).resolves.toMatchObject({
      invitation: { email: 'dara@bandanh.test' },
    });

    await expect(world.invitations.describe('unknown')).rejects.toMatchObject(GONE);
    world.rows.invitations.rows[0].expiresAt = new Date(Date.now() - 1);
    await expect(world.invitations.describe(token)).rejects.toMatchObject(GONE);
  });

  it('lists only pending invitations, with who invited whom and when, to admins only', async () => {
    const coordinator = await world.givenAccount({ kind: 'staff', roles: ['coordinator'] });
    const live = await world.invitations.create(callerOf(admin), 'dara@bandanh.test', ['approver']);
    await world.invitations.create(callerOf(admin), 'old@bandanh.test', ['trainer']);
    world.rows.invitations.rows[1].expiresAt = new Date(Date.now() - 1);
    const used = await world.invitations.create(callerOf(admin), 'used@bandanh.test', ['trainer']);
    await world.invitations.accept(used.token, 'Used', 'approve with care 7');

    const { items } = await world.invitations.listPending(callerOf(admin));
    expect(items).toEqual([
      {
        id: live.invitation.id,
        email: 'dara@bandanh.test',
        roles: ['approver'],
        expiresAt: live.invitation.expiresAt,
        invitedBy: admin.id,
        createdAt: expect.any(String),
      },
    ]);
    await expect(world.invitations.listPending(callerOf(coordinator))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('revokes a pending invitation once, audited; its link then answers like an expired one', async () => {
    const coordinator = await world.givenAccount({ kind: 'staff', roles: ['coordinator'] });
    const { token, invitation } = await world.invitations.create(callerOf(admin), 'dara@bandanh.test', [
      'approver',
    ]);
    await expect(world.invitations.revoke(callerOf(coordinator), invitation.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    await expect(world.invitations.revoke(callerOf(admin), invitation.id)).resolves.toEqual({
      revoked: true,
    });
    await expect(world.invitations.revoke(callerOf(admin), invitation.id)).resolves.toEqual({
      revoked: false,
    });

    await expect(world.invitations.describe(token)).rejects.toMatchObject(GONE);
    await expect(world.invitations.accept(token, 'Dara', 'approve with care 7')).rejects.toMatchObject(GONE);
    expect((await world.invitations.listPending(callerOf(admin))).items).toEqual([]);
    expect(world.log.entries.filter((entry) => entry.action === 'invitation.revoke')).toEqual([
      expect.objectContaining({ actorId: admin.id, targetType: 'invitation', targetId: invitation.id }),
    ]);
  });

  it('creates the staff account with the invited roles and signs it in, once', async () => {
    const { token, invitation } = await world.invitations.create(callerOf(admin), 'dara@bandanh.test', [
      'approver',
    ]);

    const accepted = await world.invitations.accept(token, 'Dara', 'approve with care 7');

    expect(accepted).toMatchObject({
      status: 'signed_in',
      account: {
        email: 'dara@bandanh.test',
        displayName: 'Dara',
        kind: 'staff',
        roles: ['approver'],
        mfaRequired: true,
      },
    });
    expect(world.log.entries.at(-1)).toMatchObject({
      actorId: accepted.account.id,
      action: 'invitation.accept',
      targetId: invitation.id,
      details: { roles: ['approver'] },
    });
    await expect(world.invitations.accept(token, 'Again', 'approve with care 7')).rejects.toMatchObject(GONE);
    await expect(world.invitations.describe(token)).rejects.toMatchObject(GONE);
    expect(world.rows.accounts.rows.filter((row) => row.email === 'dara@bandanh.test')).toHaveLength(1);
  });

  it('refuses a common password and leaves the link usable', async () => {
    const { token } = await world.invitations.create(callerOf(admin), 'dara@bandanh.test', ['approver']);
    await expect(world.invitations.accept(token, 'Dara', 'password1')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(world.rows.invitations.rows[0].acceptedAt).toBeNull();
  });

  it('refuses when the email got an account after the invitation was sent', async () => {
    const { token } = await world.invitations.create(callerOf(admin), 'dara@bandanh.test', ['approver']);
    await world.givenAccount({ email: 'dara@bandanh.test' });
    await expect(world.invitations.accept(token, 'Dara', 'approve with care 7')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'An account with this email already exists',
    });
  });
});
