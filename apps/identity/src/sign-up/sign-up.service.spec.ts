import { sha256 } from '@bandanh/platform';
import { identityWorld, type IdentityWorld } from '../testing/world';

describe('signing up', () => {
  let world: IdentityWorld;
  beforeEach(() => {
    world = identityWorld();
  });

  it('creates an applicant linked to no CBO, signs them in, and records the sign-up', async () => {
    const result = await world.signUps.signUp('sokha@example.org', 'Sokha', 'river fish net 2026');

    expect(result).toMatchObject({
      status: 'signed_in',
      account: { email: 'sokha@example.org', kind: 'applicant', roles: [], cboId: null },
    });
    const [user] = world.rows.accounts.rows;
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(world.rows.sessions.liveOf(user.id)[0].tokenHash).toBe(sha256(result.session.token));
    expect(world.log.entries).toEqual([
      expect.objectContaining({
        actorId: user.id,
        action: 'account.sign_up',
        targetType: 'user',
        targetId: user.id,
      }),
    ]);
  });

  it('keeps the language of the page they signed up on, Khmer when it is not said', async () => {
    await world.signUps.signUp('dara@example.org', 'Dara', 'river fish net 2026', 'en');
    await world.signUps.signUp('sokha@example.org', 'Sokha', 'river fish net 2026');
    expect(world.rows.accounts.rows.map((row) => [row.email, row.locale])).toEqual([
      ['dara@example.org', 'en'],
      ['sokha@example.org', 'km'],
    ]);
  });

  it('refuses an email that has an account, and tells them to sign in', async () => {
    await world.givenAccount({ email: 'sokha@example.org' });
    await expect(
      world.signUps.signUp('sokha@example.org', 'Sokha', 'river fish net 2026'),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'An account with this email already exists; sign in instead',
    });
    expect(world.rows.sessions.sessions).toHaveLength(0);
    expect(world.log.entries).toHaveLength(0);
  });

  it('refuses a common password, and one that is the email’s name, before creating anything', async () => {
    for (const password of ['password1', 'brightsun']) {
      await expect(world.signUps.signUp('brightsun@example.org', 'B', password)).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { issues: [expect.objectContaining({ path: 'password', code: 'common_password' })] },
      });
    }
    expect(world.rows.accounts.rows).toHaveLength(0);
  });
});
