import { ANONYMOUS } from '@bandanh/platform';
import { callerOf, identityWorld, type IdentityWorld } from '../testing/world';

const CBO = '5d0c0a8e-8b63-4d3e-9a57-1c2b3d4e5f60';
const DRAFT = { cboName: 'Prey Lang fishers', provinceCode: 'KH-2', note: 'We meet on Sundays' };

describe('claims to belong to a CBO', () => {
  let world: IdentityWorld;
  let coordinator: Awaited<ReturnType<IdentityWorld['givenAccount']>>;
  beforeEach(async () => {
    world = identityWorld();
    coordinator = await world.givenAccount({ kind: 'staff', roles: ['coordinator'] });
  });

  describe('making a claim', () => {
    it('records a pending claim with the applicant’s name and email', async () => {
      const applicant = await world.givenAccount({ displayName: 'Kosal', email: 'kosal@example.org' });

      const claim = await world.claims.create(callerOf(applicant), DRAFT);

      expect(claim).toMatchObject({
        ...DRAFT,
        userId: applicant.id,
        applicantName: 'Kosal',
        applicantEmail: 'kosal@example.org',
        status: 'pending',
        cboId: null,
      });
      expect(world.log.entries).toEqual([
        expect.objectContaining({
          actorId: applicant.id,
          action: 'cbo_claim.create',
          targetType: 'cbo_claim',
          targetId: claim.id,
        }),
      ]);
    });

    it('refuses staff, an applicant already linked, and a province not on the list', async () => {
      const linked = await world.givenAccount({ cboId: CBO });
      const applicant = await world.givenAccount();

      await expect(world.claims.create(callerOf(coordinator), DRAFT)).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'Only applicant accounts claim a CBO',
      });
      await expect(world.claims.create(callerOf(linked), DRAFT)).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'already_linked' },
      });
      await expect(
        world.claims.create(callerOf(applicant), { ...DRAFT, provinceCode: 'KH-99' }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { issues: [expect.objectContaining({ path: 'provinceCode', code: 'invalid_value' })] },
      });
      expect(world.rows.claims.rows).toHaveLength(0);
    });

    it('refuses a second claim while one is pending, and takes one after a decline', async () => {
      const applicant = await world.givenAccount();
      const first = await world.claims.create(callerOf(applicant), DRAFT);

      await expect(world.claims.create(callerOf(applicant), DRAFT)).rejects.toMatchObject({
        code: 'CONFLICT',
        message: 'You already have a claim waiting for a coordinator',
        details: { reason: 'claim_pending' },
      });
      await world.claims.decide(callerOf(coordinator), {
        claimId: first.id,
        decision: 'decline',
        reason: 'Unknown',
      });
      await expect(world.claims.create(callerOf(applicant), DRAFT)).resolves.toMatchObject({
        status: 'pending',
      });
    });
  });

  describe('listing claims', () => {
    it('shows an applicant only their own claims, and coordinators all of them', async () => {
      const kosal = await world.givenAccount();
      const vanna = await world.givenAccount();
      const outsider = await world.givenAccount();
      const mine = await world.claims.create(callerOf(kosal), DRAFT);
      const theirs = await world.claims.create(callerOf(vanna), DRAFT);
      await world.claims.decide(callerOf(coordinator), {
        claimId: theirs.id,
        decision: 'confirm',
        cboId: CBO,
      });

      await expect(world.claims.list(callerOf(kosal))).resolves.toEqual([mine]);
      await expect(world.claims.list(callerOf(outsider))).resolves.toEqual([]);
      expect((await world.claims.list(callerOf(coordinator))).map((claim) => claim.id)).toEqual([
        theirs.id,
        mine.id,
      ]);
      expect((await world.claims.list(callerOf(coordinator), 'pending')).map((claim) => claim.id)).toEqual([
        mine.id,
      ]);
    });

    it('refuses other staff, and anonymous callers', async () => {
      const assessor = await world.givenAccount({ kind: 'staff', roles: ['assessor'] });
      expect(() => world.claims.list(callerOf(assessor))).toThrow(
        expect.objectContaining({
          code: 'FORBIDDEN',
          message: 'This needs one of the roles: coordinator, admin',
        }),
      );
      expect(() => world.claims.list(ANONYMOUS)).toThrow(
        expect.objectContaining({ code: 'UNAUTHENTICATED' }),
      );
    });
  });

  describe('deciding a claim', () => {
    it('links the applicant to the CBO the coordinator chose when confirmed', async () => {
      const applicant = await world.givenAccount();
      const claim = await world.claims.create(callerOf(applicant), DRAFT);

      const decided = await world.claims.decide(callerOf(coordinator), {
        claimId: claim.id,
        decision: 'confirm',
        cboId: CBO,
      });

      expect(decided).toMatchObject({ status: 'confirmed', cboId: CBO });
      expect(world.rows.accounts.rows.find((row) => row.id === applicant.id)?.cboId).toBe(CBO);
      expect(world.rows.claims.rows[0]).toMatchObject({
        decidedBy: coordinator.id,
        decidedAt: expect.any(Date),
      });
      expect(world.log.entries.at(-1)).toMatchObject({
        actorId: coordinator.id,
        action: 'cbo_claim.confirm',
        targetId: claim.id,
        details: { cboId: CBO, userId: applicant.id },
      });
    });

    it('keeps the reason of a decline, and links nobody', async () => {
      const applicant = await world.givenAccount();
      const claim = await world.claims.create(callerOf(applicant), DRAFT);

      const decided = await world.claims.decide(callerOf(coordinator), {
        claimId: claim.id,
        decision: 'decline',
        reason: 'No such group in Preah Vihear',
      });

      expect(decided).toMatchObject({
        status: 'declined',
        cboId: null,
        decisionReason: 'No such group in Preah Vihear',
      });
      expect(world.rows.accounts.rows.find((row) => row.id === applicant.id)?.cboId).toBeNull();
      expect(world.log.entries.at(-1)).toMatchObject({
        action: 'cbo_claim.decline',
        details: { userId: applicant.id },
      });
    });

    it('decides a claim once', async () => {
      const applicant = await world.givenAccount();
      const claim = await world.claims.create(callerOf(applicant), DRAFT);
      await world.claims.decide(callerOf(coordinator), {
        claimId: claim.id,
        decision: 'confirm',
        cboId: CBO,
      });

      await expect(
        world.claims.decide(callerOf(coordinator), {
          claimId: claim.id,
          decision: 'decline',
          reason: 'Changed my mind',
        }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        message: 'This claim was already confirmed',
        details: { reason: 'already_decided' },
      });
    });

    it('refuses to confirm for an applicant linked meanwhile, and leaves the claim pending', async () => {
      const applicant = await world.givenAccount();
      const claim = await world.claims.create(callerOf(applicant), DRAFT);
      world.rows.accounts.rows.find((row) => row.id === applicant.id)!.cboId = CBO;

      await expect(
        world.claims.decide(callerOf(coordinator), { claimId: claim.id, decision: 'confirm', cboId: CBO }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        message: 'The applicant is already linked to a CBO',
        details: { reason: 'already_linked' },
      });
      expect(world.rows.claims.rows[0].status).toBe('pending');
    });

    it('refuses other staff and applicants, and an unknown claim', async () => {
      const applicant = await world.givenAccount();
      const assessor = await world.givenAccount({ kind: 'staff', roles: ['assessor'] });
      const claim = await world.claims.create(callerOf(applicant), DRAFT);
      for (const caller of [callerOf(applicant), callerOf(assessor)]) {
        await expect(
          world.claims.decide(caller, { claimId: claim.id, decision: 'confirm', cboId: CBO }),
        ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      }
      await expect(
        world.claims.decide(callerOf(coordinator), { claimId: CBO, decision: 'decline', reason: 'x' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND', details: { id: CBO, resource: 'Claim' } });
    });
  });
});
