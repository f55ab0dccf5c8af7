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
      message: 'An account with this email already exists',
    });
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
