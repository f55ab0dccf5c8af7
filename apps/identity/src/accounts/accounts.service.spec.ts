import { ANONYMOUS, systemCaller } from '@bandanh/platform';
import { callerOf, identityWorld, type IdentityWorld } from '../testing/world';
import { aStaffMember } from './accounts.fakes';

describe('the accounts service', () => {
  let world: IdentityWorld;
  beforeEach(() => {
    world = identityWorld();
  });

  it('lists the accounts to an admin only, staff first by kind and email', async () => {
    const admin = await world.givenAccount({ kind: 'staff', roles: ['admin'], email: 'b@bandanh.test' });
    const coordinator = await world.givenAccount({
      kind: 'staff',
      roles: ['coordinator'],
      email: 'a@bandanh.test',
    });
    await world.givenAccount({ email: 'z@example.org' });

    await expect(world.accounts.list(callerOf(coordinator))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'This needs one of the roles: admin',
    });
    const items = await world.accounts.list(callerOf(admin));
    expect(items.map((account) => account.email)).toEqual([
      'z@example.org',
      'a@bandanh.test',
      'b@bandanh.test',
    ]);
    expect(items[2]).toMatchObject({ kind: 'staff', roles: ['admin'], mfaRequired: true, mfaEnabled: false });
    expect(items[0]).not.toHaveProperty('passwordHash');
  });

  it('tells staff the names of staff accounts only, and refuses applicants and services', async () => {
    const assessor = await world.givenAccount({ kind: 'staff', roles: ['assessor'], displayName: 'Bopha' });
    const applicant = await world.givenAccount({ displayName: 'Sokha' });

    await expect(world.accounts.staffNames(callerOf(assessor), [assessor.id, applicant.id])).resolves.toEqual(
      [{ id: assessor.id, displayName: 'Bopha' }],
    );
    for (const caller of [callerOf(applicant), systemCaller('orchestrator'), ANONYMOUS]) {
      expect(() => world.accounts.staffNames(caller, [assessor.id])).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN', message: 'Only staff may look up staff names' }),
      );
    }
  });

  it('names the active staff holding a role, with their language, to the orchestrator only', async () => {
    const bopha = await world.givenAccount({
      kind: 'staff',
      roles: ['assessor', 'trainer'],
      email: 'bopha@bandanh.test',
      displayName: 'Bopha',
      locale: 'en',
    });
    const dara = await world.givenAccount({
      kind: 'staff',
      roles: ['assessor'],
      email: 'dara@bandanh.test',
      displayName: 'Dara',
    });
    await world.givenAccount({ kind: 'staff', roles: ['assessor'], disabledAt: new Date() });
    await world.givenAccount({ kind: 'staff', roles: ['approver'] });
    await world.givenAccount({ roles: ['assessor'] });

    await expect(world.accounts.staffWithRole(systemCaller('orchestrator'), 'assessor')).resolves.toEqual([
      { userId: bopha.id, email: 'bopha@bandanh.test', displayName: 'Bopha', locale: 'en' },
      { userId: dara.id, email: 'dara@bandanh.test', displayName: 'Dara', locale: 'km' },
    ]);
    // The training service writes to the trainers of its sessions.
    await expect(world.accounts.staffWithRole(systemCaller('training'), 'assessor')).resolves.toHaveLength(2);
    // The grants service picks reviewers among the staff holding the reviewer role.
    await expect(world.accounts.staffWithRole(systemCaller('grants'), 'assessor')).resolves.toHaveLength(2);
    const admin = await world.givenAccount({ kind: 'staff', roles: ['admin'] });
    for (const caller of [callerOf(admin), callerOf(dara), systemCaller('network'), ANONYMOUS]) {
      await expect(world.accounts.staffWithRole(caller, 'assessor')).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'Only the orchestrator or training or grants service may do this',
      });
    }
  });

  it('changes a staff member’s roles, each once, and records the roles before and after', async () => {
    const admin = await world.givenAccount({ kind: 'staff', roles: ['admin'] });
    const member = await world.givenAccount({ kind: 'staff', roles: ['assessor'] });

    const account = await world.accounts.setRoles(callerOf(admin), member.id, [
      'trainer',
      'approver',
      'trainer',
    ]);

    expect(account.roles).toEqual(['trainer', 'approver']);
    expect(world.rows.accounts.rows.find((row) => row.id === member.id)?.roles).toEqual([
      'trainer',
      'approver',
    ]);
    expect(world.log.entries).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        action: 'account.roles_change',
        outcome: 'success',
        targetType: 'user',
        targetId: member.id,
        details: { before: ['assessor'], after: ['trainer', 'approver'] },
      }),
    ]);
  });

  it('lets only an admin change roles', async () => {
    const coordinator = await world.givenAccount({ kind: 'staff', roles: ['coordinator'] });
    await expect(
      world.accounts.setRoles(callerOf(coordinator), coordinator.id, ['admin']),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(world.rows.accounts.rows[0].roles).toEqual(['coordinator']);
  });

  it('refuses roles for an applicant account, and an account it does not know', async () => {
    const admin = await world.givenAccount({ kind: 'staff', roles: ['admin'] });
    const applicant = await world.givenAccount();

    await expect(world.accounts.setRoles(callerOf(admin), applicant.id, ['trainer'])).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ path: 'roles', code: 'not_staff' })] },
    });
    const unknown = aStaffMember(['trainer']).id;
    await expect(world.accounts.setRoles(callerOf(admin), unknown, ['trainer'])).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { id: unknown, resource: 'Account' },
    });
    expect(world.log.entries).toHaveLength(0);
  });

  it('does not let an admin remove their own admin role, but another admin may', async () => {
    const admin = await world.givenAccount({ kind: 'staff', roles: ['admin'] });
    const other = await world.givenAccount({ kind: 'staff', roles: ['admin'] });

    await expect(world.accounts.setRoles(callerOf(admin), admin.id, ['coordinator'])).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'You cannot remove your own admin role; ask another admin',
    });
    await expect(
      world.accounts.setRoles(callerOf(admin), admin.id, ['admin', 'coordinator']),
    ).resolves.toMatchObject({ roles: ['admin', 'coordinator'] });
    await expect(world.accounts.setRoles(callerOf(other), admin.id, ['coordinator'])).resolves.toMatchObject({
      roles: ['coordinator'],
    });
  });
});
