import { sha256 } from '@bandanh/platform';
import { callerOf, identityWorld, type IdentityWorld } from '../testing/world';
import { newLinkCode, normaliseLinkCode } from './cbo-links.service';

const CBO = '5d0c0a8e-8b63-4d3e-9a57-1c2b3d4e5f60';
const UNKNOWN = {
  code: 'VALIDATION_FAILED',
  details: { issues: [expect.objectContaining({ path: 'code', code: 'unknown_code' })] },
};

describe('CBO link codes', () => {
  let world: IdentityWorld;
  beforeEach(() => {
    world = identityWorld({ CBO_LINK_CODE_TTL_DAYS: '14' });
  });

  it('writes codes without look-alike letters, and reads them back however they are typed', () => {
    for (let i = 0; i < 50; i++) expect(newLinkCode()).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    expect(normaliseLinkCode('abcde fghjk')).toBe('ABCDE-FGHJK');
    expect(normaliseLinkCode(' ab-cd ')).toBe('ABCD');
  });

  it('lets coordinators and admins issue a code, stored as its hash for CBO_LINK_CODE_TTL_DAYS', async () => {
    const coordinator = await world.givenAccount({ kind: 'staff', roles: ['coordinator'] });

    const { code, expiresAt } = await world.links.issue(callerOf(coordinator), CBO);

    const [row] = world.rows.linkCodes.rows;
    expect(row).toMatchObject({ codeHash: sha256(code), cboId: CBO, issuedBy: coordinator.id });
    expect(expiresAt).toBe(row.expiresAt.toISOString());
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(14 * 86_400_000 - 5_000);
    expect(world.log.entries).toEqual([
      expect.objectContaining({
        actorId: coordinator.id,
        action: 'cbo_link.issue',
        targetType: 'cbo',
        targetId: CBO,
      }),
    ]);
  });

  it('refuses to issue a code to anyone else', async () => {
    const assessor = await world.givenAccount({ kind: 'staff', roles: ['assessor'] });
    const applicant = await world.givenAccount();
    for (const caller of [callerOf(assessor), callerOf(applicant)]) {
      await expect(world.links.issue(caller, CBO)).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'This needs one of the roles: coordinator, admin',
      });
    }
  });

  it('links the applicant who redeems the code, once', async () => {
    const coordinator = await world.givenAccount({ kind: 'staff', roles: ['coordinator'] });
    const first = await world.givenAccount();
    const second = await world.givenAccount();
    const { code } = await world.links.issue(callerOf(coordinator), CBO);

    const { account } = await world.links.redeem(callerOf(first), code.toLowerCase().replace('-', ' '));

    expect(account).toMatchObject({ id: first.id, cboId: CBO });
    await expect(world.links.redeem(callerOf(second), code)).rejects.toMatchObject(UNKNOWN);
    expect(world.rows.accounts.rows.find((row) => row.id === second.id)?.cboId).toBeNull();
    expect(world.log.entries.slice(1)).toEqual([
      expect.objectContaining({
        actorId: first.id,
        action: 'cbo_link.redeem',
        outcome: 'success',
        targetId: CBO,
      }),
      expect.objectContaining({
        actorId: second.id,
        action: 'cbo_link.redeem',
        outcome: 'failure',
        targetId: second.id,
      }),
    ]);
  });

  it('refuses an expired code', async () => {
    const applicant = await world.givenAccount();
    await world.rows.linkCodes.insert({
      codeHash: sha256('ABCDE-FGHJK'),
      cboId: CBO,
      issuedBy: applicant.id,
      expiresAt: new Date(Date.now() - 1),
    });
    await expect(world.links.redeem(callerOf(applicant), 'ABCDE-FGHJK')).rejects.toMatchObject(UNKNOWN);
  });

  it('refuses staff, and an applicant already linked to a CBO', async () => {
    const coordinator = await world.givenAccount({ kind: 'staff', roles: ['coordinator'] });
    const linked = await world.givenAccount({ cboId: CBO });
    const { code } = await world.links.issue(callerOf(coordinator), CBO);

    await expect(world.links.redeem(callerOf(coordinator), code)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only applicant accounts link to a CBO',
    });
    await expect(world.links.redeem(callerOf(linked), code)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Your account is already linked to a CBO',
      details: { reason: 'already_linked' },
    });
    expect(world.rows.linkCodes.rows[0].usedAt).toBeNull();
  });
});
